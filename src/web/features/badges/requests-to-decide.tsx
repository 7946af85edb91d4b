import { useState } from 'react';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { formatDateOf, formatDay } from '../../lib/dates';
import { type RecognitionView, useDecideRequest, useRequestsToDecide } from './recognition-api';

/**
 * Requests waiting for the reader: their supervisees', or everyone's for L&D admins and owners. Shown only when
 * there are some: most learners decide on none.
 */
export function RequestsToDecide({ orgId }: { orgId: string }) {
  const waiting = useRequestsToDecide(orgId);
  const requests = waiting.data?.requests ?? [];
  if (waiting.error) return <FormError error={waiting.error} />;
  if (requests.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="to-decide-heading">
      <h2 id="to-decide-heading">Waiting for your answer</h2>
      <ul className="plain-list">
        {requests.map((r) => (
          <li key={r.id}>
            <RequestToDecide request={r} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RequestToDecide({ request: r }: { request: RecognitionView }) {
  const { approve, decline } = useDecideRequest();
  const [reason, setReason] = useState('');
  const who = `${r.learnerName}’s request for ${r.achievementName}`;
  return (
    <article aria-label={who}>
      <h3>
        {r.learnerName} asks for “{r.achievementName}”
      </h3>
      <p className="hint">
        For the achieved goal “{r.goalTitle}” · asked {formatDateOf(r.createdAt)}
      </p>
      <blockquote>{r.message}</blockquote>
      {r.evidence.length === 0 ? (
        <p className="hint">No evidence recorded for this goal.</p>
      ) : (
        <>
          <h4>Evidence</h4>
          <ul>
            {r.evidence.map((e) => (
              <li key={e.id}>
                {e.url ? <a href={e.url}>{e.title}</a> : e.title} · {formatDay(e.occurredOn)}
                {e.fileName && ` · file ${e.fileName}`}
                {e.note && ` · ${e.note}`}
              </li>
            ))}
          </ul>
        </>
      )}
      <FormError error={approve.error ?? decline.error} />
      <div className="actions">
        <button type="button" disabled={approve.isPending} onClick={() => approve.mutate(r.id)}>
          Approve and award<span className="visually-hidden"> {who}</span>
        </button>
      </div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          decline.mutate({ requestId: r.id, reason });
        }}
      >
        <Field
          label={`Why you decline ${who}`}
          name="reason"
          value={reason}
          maxLength={1000}
          onChange={(e) => setReason(e.target.value)}
          error={fieldError(decline.error, 'reason')}
        />
        <button type="submit" className="secondary" disabled={decline.isPending}>
          Decline<span className="visually-hidden"> {who}</span>
        </button>
      </form>
    </article>
  );
}
