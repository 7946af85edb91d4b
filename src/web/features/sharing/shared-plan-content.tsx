import {
  cadenceLabels,
  goalStatusLabels,
  learningFormLabels,
  networkKindLabels,
  shareHowLabels,
} from '../../../features/plans/labels';
import { formatDay } from '../../lib/dates';
import { ItemComments } from '../comments/item-comments';
import type { SharedPlanView } from './sharing-api';

const text = (value: string | null | undefined) => (value?.trim() ? value : null);

/**
 * What was shared of a plan, read-only: its goals, reflections, network and sharing, each section only when
 * something of it was shared. Used by the shared plan page and the supervisor's review page.
 */
export function SharedPlanContent({ plan }: { plan: SharedPlanView }) {
  return (
    <>
      <Goals plan={plan} />
      <Reflections plan={plan} />
      <Network plan={plan} />
      <Shares plan={plan} />
    </>
  );
}

function Goals({ plan }: { plan: SharedPlanView }) {
  if (plan.goals.length === 0) return null;
  return (
    <section aria-labelledby="shared-goals">
      <h2 id="shared-goals">Goals</h2>
      {plan.goals.map((g) => (
        <article className="card" key={g.id}>
          <h3>{g.what || 'Untitled goal'}</h3>
          <p>
            {goalStatusLabels[g.status]} · {g.progress}% done
            {g.targetDate && ` · target ${formatDay(g.targetDate)}`}
          </p>
          {text(g.why) && <p>Why: {g.why}</p>}
          {text(g.how) && <p>How: {g.how}</p>}
          {text(g.evidence) && <p>How they will know: {g.evidence}</p>}
          {g.milestones.length > 0 && (
            <ul aria-label={`Milestones of ${g.what || 'this goal'}`}>
              {g.milestones.map((m) => (
                <li key={m.id}>
                  {m.done ? 'Done: ' : ''}
                  {m.title}
                  {m.dueDate && ` (by ${formatDay(m.dueDate)})`}
                </li>
              ))}
            </ul>
          )}
          <ItemComments
            planId={plan.id}
            target={{ kind: 'goal', id: g.id }}
            title={g.what || 'this goal'}
            isLearner={false}
          />
        </article>
      ))}
    </section>
  );
}

function Reflections({ plan }: { plan: SharedPlanView }) {
  if (plan.reflections.length === 0) return null;
  return (
    <section aria-labelledby="shared-reflections">
      <h2 id="shared-reflections">Reflections</h2>
      {plan.reflections.map((r) => (
        <article className="card" key={r.id}>
          <h3>{r.what || 'Untitled reflection'}</h3>
          {(r.happenedWhen || r.form) && (
            <p>{[r.happenedWhen, r.form && learningFormLabels[r.form]].filter(Boolean).join(' · ')}</p>
          )}
          {text(r.enjoyable) && <p>What made it enjoyable: {r.enjoyable}</p>}
          {text(r.learnedAboutMe) && <p>What it says about them: {r.learnedAboutMe}</p>}
          <ItemComments
            planId={plan.id}
            target={{ kind: 'reflection', id: r.id }}
            title={r.what || 'this reflection'}
            isLearner={false}
          />
        </article>
      ))}
    </section>
  );
}

function Network({ plan }: { plan: SharedPlanView }) {
  if (plan.network.length === 0) return null;
  return (
    <section aria-labelledby="shared-network">
      <h2 id="shared-network">Network</h2>
      <ul>
        {plan.network.map((n) => (
          <li key={n.id}>
            <strong>{n.name}</strong> ({networkKindLabels[n.kind]}){text(n.notes) && `: ${n.notes}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Shares({ plan }: { plan: SharedPlanView }) {
  if (plan.shares.length === 0) return null;
  return (
    <section aria-labelledby="shared-sharing">
      <h2 id="shared-sharing">Sharing</h2>
      <ul>
        {plan.shares.map((s) => (
          <li key={s.id}>
            {shareHowLabels[s.how]}, {cadenceLabels[s.cadence].toLowerCase()}
            {text(s.audience) && ` with ${s.audience}`}
            {text(s.detail) && `: ${s.detail}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
