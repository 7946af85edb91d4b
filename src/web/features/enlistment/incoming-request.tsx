import { useState } from 'react';
import { Link } from 'react-router';
import { requestStateLabels } from '../../../features/enlistment/request-states';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { TextArea } from '../plans/plan-fields';
import { when } from '../sharing/sharing-api';
import { type EnlistmentView, useEnlistmentStep } from './enlistment-api';

/**
 * A request asking me to mentor a colleague: who, their message and the goals it is about; Accept or Decline
 * with an optional answer while it waits; once accepted, their shared goals and a way to end it.
 */
export function IncomingRequest({ orgId, request: r }: { orgId: string; request: EnlistmentView }) {
  const step = useEnlistmentStep(orgId);
  const [response, setResponse] = useState('');
  const leave = useLeaveGuard(r.state === 'pending' && response.trim() !== '');
  const who = r.learner.name;
  const answer = (name: 'accept' | 'decline') => step.mutate({ id: r.id, step: name, response });
  return (
    <article aria-labelledby={`request-${r.id}`}>
      <h3 id={`request-${r.id}`}>{who}</h3>
      <p className="muted">
        {requestStateLabels[r.state]} · asked {when(r.createdAt)}
      </p>
      {r.message && <blockquote>{r.message}</blockquote>}
      {r.goals.length > 0 && (
        <>
          <p>Would you mentor them on:</p>
          <ul aria-label={`Goals ${who} asks about`}>
            {r.goals.map((g) => (
              <li key={g.id}>{g.what || 'Untitled goal'}</li>
            ))}
          </ul>
        </>
      )}
      {r.response && r.state !== 'pending' && <p>You wrote: “{r.response}”</p>}
      <FormError error={step.error} />
      {r.state === 'pending' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            answer('accept');
          }}
        >
          <TextArea
            label="Your answer (optional)"
            hint={`${who} reads it with your answer.`}
            value={response}
            maxLength={2000}
            rows={2}
            onChange={(e) => setResponse(e.target.value)}
            error={fieldError(step.error, 'response')}
          />
          <div className="actions">
            <button type="submit" disabled={step.isPending}>
              Accept<span className="visually-hidden"> {who}’s request</span>
            </button>
            <button type="button" className="secondary" disabled={step.isPending} onClick={() => answer('decline')}>
              Decline<span className="visually-hidden"> {who}’s request</span>
            </button>
          </div>
          {leave.question}
        </form>
      )}
      {r.state === 'accepted' && (
        <div className="actions">
          <Link to={`/orgs/${orgId}/shared/${r.planId}`}>Open {who}’s shared goals</Link>
          <button
            type="button"
            className="secondary"
            disabled={step.isPending}
            onClick={() => {
              if (window.confirm(`End mentoring ${who}? You will no longer see their goals.`)) {
                step.mutate({ id: r.id, step: 'end' });
              }
            }}
          >
            End mentoring<span className="visually-hidden"> {who}</span>
          </button>
        </div>
      )}
    </article>
  );
}
