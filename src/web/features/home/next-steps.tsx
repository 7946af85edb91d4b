import { Link } from 'react-router';
import type { NextStepKind } from './home-api';

/** What each step after the guide says, and where it is done: one action each. */
const steps: Record<NextStepKind, { title: string; why: string; action: string; path: (base: string) => string }> = {
  share_plan: {
    title: 'Share your plan',
    why: 'Choose who may read or comment on your goals: a mentor, a peer, your supervisor. People help with what they can see.',
    action: 'Choose who can see it',
    path: (base) => `${base}/access`,
  },
  ask_review: {
    title: 'Ask for a learning agreement',
    why: 'Go through the plan with your supervisor; when you both sign, you have agreed what they will support this cycle.',
    action: 'Ask your supervisor',
    path: (base) => `${base}/reviews`,
  },
  set_checkins: {
    title: 'Set a rhythm for check-ins',
    why: 'A few minutes every week or month to look back at what you are learning keeps the plan alive.',
    action: 'Choose how often',
    path: () => '/settings',
  },
};

/**
 * The steps after the guide, as cards with one action each, in a list of cards (home and the plan's overview
 * show the same ones).
 */
export function NextStepCards({ steps: kinds, planBase }: { steps: NextStepKind[]; planBase: string }) {
  return (
    <>
      {kinds.map((kind) => {
        const step = steps[kind];
        return (
          <li key={kind}>
            <article className="card next-card">
              <h3>{step.title}</h3>
              <p>{step.why}</p>
              <Link className="button" to={step.path(planBase)}>
                {step.action}
              </Link>
            </article>
          </li>
        );
      })}
    </>
  );
}
