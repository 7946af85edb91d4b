import { useRef, useState } from 'react';
import { allowedExtensions } from '../../../features/evidence/file-types';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { DateField } from '../../ui/date-field';
import { confirmDone } from '../../ui/toasts';
import { TextArea } from '../plans/plan-fields';
import { type CreateEvidenceBody, type NewEvidence, useAddEvidence } from './evidence-api';

type Kind = 'note' | 'link' | 'file';
const kindLabels: Record<Kind, string> = { note: 'A note', link: 'A link', file: 'A file' };

/** Adds a note, a link or a file as evidence of a goal. */
export function AddEvidenceForm({ planId, goalId }: { planId: string; goalId: string }) {
  const [kind, setKind] = useState<Kind>('note');
  const formRef = useRef<HTMLFormElement>(null);
  const leave = useLeaveGuard();
  const add = useAddEvidence(planId, goalId, (evidence) => {
    confirmDone(`Added “${evidence.title}”.`);
    formRef.current?.reset();
  });
  /** The form as the server takes it: a note or a link as JSON, a file with its fields as form data. */
  const evidenceFrom = (data: FormData): NewEvidence => {
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const occurredOn = text('occurredOn') || undefined;
    if (kind === 'file') {
      // Fields first, then the file: the server reads them before it stores the bytes.
      const form = new FormData();
      for (const k of ['title', 'note', 'occurredOn']) if (text(k)) form.append(k, text(k));
      const file = data.get('file');
      if (file instanceof File && file.name) form.append('file', file);
      return { file: form };
    }
    return {
      kind,
      title: text('title'),
      note: text('note'),
      ...(kind === 'link' && { url: text('url') }),
      occurredOn,
    } as CreateEvidenceBody;
  };
  const error = (field: string) => fieldError(add.error, field);
  return (
    <form
      ref={formRef}
      {...leave.formProps}
      className="panel"
      aria-labelledby="add-evidence"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(evidenceFrom(new FormData(e.currentTarget)));
      }}
    >
      <h3 id="add-evidence">Add evidence</h3>
      <fieldset className="choice">
        <legend>What kind?</legend>
        {(Object.keys(kindLabels) as Kind[]).map((k) => (
          <label key={k}>
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
            {kindLabels[k]}
          </label>
        ))}
      </fieldset>
      {kind === 'file' && (
        <Field
          label="File"
          name="file"
          type="file"
          accept={allowedExtensions.join(',')}
          required
          hint="PDF, images, text, Markdown, CSV, Word, Excel, PowerPoint or OpenDocument."
          error={error('file')}
        />
      )}
      <Field
        label="Title"
        name="title"
        required={kind !== 'file'}
        maxLength={200}
        hint={kind === 'file' ? 'Leave empty to use the file name.' : undefined}
        error={error('title')}
      />
      {kind === 'link' && (
        <Field label="Web address" name="url" type="url" required placeholder="https://" error={error('url')} />
      )}
      <TextArea
        label={kind === 'note' ? 'Note' : 'Note (optional)'}
        name="note"
        required={kind === 'note'}
        maxLength={5000}
        error={error('note')}
      />
      <DateField label="When" name="occurredOn" hint="Leave empty for today." error={error('occurredOn')} />
      <FormError error={add.error} />
      <button type="submit" disabled={add.isPending}>
        {add.isPending ? (kind === 'file' ? 'Uploading…' : 'Adding…') : 'Add evidence'}
      </button>
      {leave.question}
    </form>
  );
}
