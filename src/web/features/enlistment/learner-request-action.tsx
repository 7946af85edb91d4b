import { FormError } from '../../components/form-error';
import { type EnlistmentView, useEnlistmentStep } from './enlistment-api';

/**
 * The learner's way out of a request in play: withdraw it while it waits for an answer, or end the mentoring
 * once agreed (on the network entry, and on the Mentoring requests page).
 */
export function LearnerRequestAction({ orgId, request }: { orgId: string; request: EnlistmentView }) {
  const step = useEnlistmentStep(orgId);
  const ending = request.state === 'accepted';
  const who = request.mentor.name;
  return (
    <>
      <FormError error={step.error} />
      <button
        type="button"
        className="secondary"
        disabled={step.isPending}
        onClick={() => {
          // Ending takes away access the mentor has now: ask first. A withdrawal can simply be asked again.
          const sure = `End the mentoring with ${who}? They will no longer see your goals.`;
          if (!ending || window.confirm(sure)) step.mutate({ id: request.id, step: ending ? 'end' : 'withdraw' });
        }}
      >
        {ending ? 'End mentoring' : 'Withdraw request'}
        <span className="visually-hidden"> {ending ? `with ${who}` : `to ${who}`}</span>
      </button>
    </>
  );
}
