import { useEffect, useId, useRef, useState } from 'react';
import { isOpenRequest } from '../../../features/enlistment/request-states';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { TextArea } from '../plans/plan-fields';
import { when } from '../sharing/sharing-api';
import { type EnlistmentView, useAskToMentor, useEnlistments } from './enlistment-api';
import { LearnerRequestAction } from './learner-request-action';

/** Where a request stands, in a sentence addressed to the learner. */
function stateSentence(r: EnlistmentView): string {
  const name = r.mentor.name;
  switch (r.state) {
    case 'pending':
      return `You asked ${name} on ${when(r.createdAt)}. Waiting for their answer.`;
    case 'accepted':
      return `${name} agreed on ${when(r.respondedAt ?? r.createdAt)}: they can read and comment on the goals this entry helps with.`;
    case 'declined':
      return `${name} declined on ${when(r.respondedAt ?? r.createdAt)}.`;
    case 'withdrawn':
      return `You withdrew your request on ${when(r.endedAt ?? r.createdAt)}.`;
    case 'ended':
      return `The mentoring ended on ${when(r.endedAt ?? r.createdAt)}; ${name} no longer sees your goals.`;
  }
}

/**
 * On a network entry naming a colleague: ask them to mentor you on the goals the entry helps with, then follow
 * the request (withdraw it while they have not answered, end the mentoring once they agreed). `ready` is false
 * while the entry has edits not yet saved: the request is sent from what the server has.
 */
export function EntryEnlistment({
  orgId,
  planId,
  entryId,
  mentorName,
  ready,
}: {
  orgId: string;
  planId: string;
  entryId: string;
  mentorName: string;
  ready: boolean;
}) {
  const headingId = useId();
  const lists = useEnlistments(orgId);
  const [asking, setAsking] = useState(false);
  const latest = lists.data?.outgoing.find((r) => r.entry?.id === entryId);
  const open = latest && isOpenRequest(latest.state) ? latest : undefined;

  return (
    <section className="enlistment" aria-labelledby={headingId}>
      <h4 id={headingId}>Mentoring request</h4>
      {lists.isPending && <p role="status">Loading…</p>}
      <FormError error={lists.error} />
      {latest && (
        <div role="status">
          <p>{stateSentence(latest)}</p>
          {latest.response && (
            <p className="muted">
              {latest.mentor.name} wrote: “{latest.response}”
            </p>
          )}
        </div>
      )}
      {open && <LearnerRequestAction orgId={orgId} request={open} />}
      {!open && lists.isSuccess && !asking && (
        <button type="button" onClick={() => setAsking(true)}>
          {latest ? `Ask ${mentorName} again…` : `Ask ${mentorName} to mentor…`}
        </button>
      )}
      {!open && asking && (
        <AskForm
          orgId={orgId}
          planId={planId}
          entryId={entryId}
          mentorName={mentorName}
          ready={ready}
          onDone={() => setAsking(false)}
        />
      )}
    </section>
  );
}

function AskForm(props: {
  orgId: string;
  planId: string;
  entryId: string;
  mentorName: string;
  ready: boolean;
  onDone: () => void;
}) {
  const ask = useAskToMentor(props.orgId, props.planId, props.entryId);
  const [message, setMessage] = useState('');
  const leave = useLeaveGuard(message.trim() !== '');
  const formRef = useRef<HTMLFormElement>(null);
  // Opened by a button that then goes away: keyboard users carry on in the message field.
  useEffect(() => formRef.current?.querySelector('textarea')?.focus(), []);
  const goalsError = fieldError(ask.error, 'goalIds');
  const memberError = fieldError(ask.error, 'memberId');
  return (
    <form
      ref={formRef}
      className="panel"
      aria-label={`Ask ${props.mentorName} to mentor you`}
      onSubmit={(e) => {
        e.preventDefault();
        ask.mutate(message, { onSuccess: props.onDone });
      }}
    >
      <TextArea
        label="Message (optional)"
        hint={`Say what you would like ${props.mentorName}'s help with. They will see it with the wording of the goals this entry helps with, nothing else of your plan.`}
        value={message}
        maxLength={2000}
        onChange={(e) => setMessage(e.target.value)}
        error={fieldError(ask.error, 'message')}
      />
      {(goalsError || memberError) && (
        <p className="field-error" role="alert">
          {goalsError ?? memberError}
        </p>
      )}
      {!goalsError && !memberError && <FormError error={ask.error} />}
      {!props.ready && <p className="hint">Saving your changes to this entry first…</p>}
      <div className="actions">
        <button type="submit" disabled={ask.isPending || !props.ready}>
          Send request
        </button>
        <button type="button" className="secondary" onClick={props.onDone}>
          Cancel
        </button>
      </div>
      {leave.question}
    </form>
  );
}
