import { useEffect, useId, useRef, useState } from 'react';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { TextArea } from '../plans/plan-fields';
import { type ActionInput, type ActionKind, type InsightAction, useCreateAction } from './insights-api';
import { actionLabels } from './topic-figures';

export interface ActionRequest {
  kind: ActionKind;
  topic: string;
  /** Tells two requests for the same topic and kind apart, so asking again starts a fresh form. */
  n: number;
}

const who: Record<ActionKind, string> = {
  mentor_call: 'It goes to the members who offer to mentor this topic; you see how many volunteer.',
  community:
    'The community opens at once and is announced to the opted-in learners of this topic; you see how many join.',
  resource:
    'It goes to the opted-in learners of this topic, who can add it to their plan in one click; you see how many do.',
};
const submitLabels: Record<ActionKind, string> = {
  mentor_call: 'Send the mentor call',
  community: 'Open the community',
  resource: 'Recommend it',
};

/**
 * The form for acting on an insight, in a modal dialog opened from a figure's row. What was typed stays when
 * the server refuses it (each field shows its own reason); a new request starts a new form.
 */
export function ActionDialog({
  orgId,
  request,
  onDone,
}: {
  orgId: string;
  request: ActionRequest | null;
  onDone: (action: InsightAction) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!request || !d) return;
    if (!d.open) d.showModal();
    // The first field to fill in, rather than the topic already chosen.
    d.querySelector<HTMLElement>('[data-first]')?.focus();
  }, [request]);
  const id = useId();
  return (
    <dialog ref={dialog} className="action-dialog" aria-labelledby={`${id}-title`}>
      {request && (
        <ActionForm
          key={`${request.kind}:${request.topic}:${request.n}`}
          titleId={`${id}-title`}
          orgId={orgId}
          request={request}
          onCancel={() => dialog.current?.close()}
          onDone={(action) => {
            dialog.current?.close();
            onDone(action);
          }}
        />
      )}
    </dialog>
  );
}

function ActionForm({
  titleId,
  orgId,
  request,
  onCancel,
  onDone,
}: {
  titleId: string;
  orgId: string;
  request: ActionRequest;
  onCancel: () => void;
  onDone: (action: InsightAction) => void;
}) {
  const create = useCreateAction(orgId);
  const { kind } = request;
  const [values, setValues] = useState({ topic: request.topic, name: '', title: '', url: '', message: '' });
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const error = (field: string) => fieldError(create.error, field);
  const leave = useLeaveGuard(
    values.topic !== request.topic || [values.name, values.title, values.url, values.message].some((v) => v.trim()),
  );
  const body = (): ActionInput => {
    const { topic, message } = values;
    if (kind === 'community') return { kind, topic, message, name: values.name };
    if (kind === 'resource') return { kind, topic, message, title: values.title, url: values.url };
    return { kind, topic, message };
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(body(), { onSuccess: onDone });
      }}
    >
      <h2 id={titleId}>
        {actionLabels[kind]}: {request.topic}
      </h2>
      <p className="hint">{who[kind]}</p>
      <FormError error={create.error} />
      <Field label="Topic" value={values.topic} onChange={set('topic')} maxLength={200} error={error('topic')} />
      {kind === 'community' && (
        <Field
          label="Name of the community"
          value={values.name}
          onChange={set('name')}
          maxLength={80}
          hint="For example: Data clinic."
          error={error('name')}
          data-first
        />
      )}
      {kind === 'resource' && (
        <>
          <Field
            label="Title of the resource"
            value={values.title}
            onChange={set('title')}
            maxLength={200}
            error={error('title')}
            data-first
          />
          <Field
            label="Web address"
            type="url"
            value={values.url}
            onChange={set('url')}
            placeholder="https://"
            error={error('url')}
          />
        </>
      )}
      <TextArea
        label="Message (optional)"
        value={values.message}
        onChange={set('message')}
        maxLength={2000}
        hint="A few words on why, or what happens next."
        error={error('message')}
        {...(kind === 'mentor_call' && { 'data-first': true })}
      />
      <div className="actions">
        <button type="submit" disabled={create.isPending}>
          {submitLabels[kind]}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {leave.question}
    </form>
  );
}
