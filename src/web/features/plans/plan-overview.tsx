import { Link, useParams } from 'react-router';
import { guideProgress } from '../../../features/plans/guide-progress';
import { partTitles } from '../../../features/plans/labels';
import { useTitle } from '../../components/use-title';
import { CheckinDueNotice } from '../checkins/checkin-due-notice';
import { GuideDone } from '../home/guide-done';
import { GuideChecklist } from './guide-checklist';
import { planExportHref } from './plan-api';
import { PlanDetails } from './plan-details';
import { usePlanContext } from './plan-layout';

/** The plan at a glance: what is done and left in each part, where to carry on, and the exports. */
export function PlanOverviewPage() {
  const plan = usePlanContext();
  const { orgId = '' } = useParams();
  useTitle(`Plan ${plan.cycle}`);
  const progress = guideProgress(plan);
  const base = `/orgs/${orgId}/plans/${plan.id}`;
  const parts = [1, 2, 3, 4] as const;
  const started = plan.reflections.length + plan.goals.length + plan.network.length + plan.shares.length > 0;
  // The guide ends when every part's checks are done: then it suggests what comes next instead.
  const guideDone = parts.every((n) => progress[n].every((c) => c.done));
  return (
    <section>
      <h1>
        Learning plan {plan.cycle}
        {plan.title && <span className="subtitle"> — {plan.title}</span>}
      </h1>
      <p className="lead">
        {guideDone
          ? 'Every part is in place. Change any of it whenever your learning does: everything saves as you type.'
          : started
            ? 'Carry on where you left off, or jump to any part. Everything saves as you type.'
            : 'Start with the guide: it walks you through four parts, one question at a time. Leave whenever you like; it remembers where you were.'}
      </p>
      <CheckinDueNotice planId={plan.id} base={base} />
      {guideDone ? (
        <GuideDone planId={plan.id} base={base} />
      ) : (
        <p>
          <Link className="button" to={`${base}/guide/${plan.guide.part}/${plan.guide.step}`}>
            {started ? 'Continue the guide' : 'Start the guide'}
          </Link>
        </p>
      )}
      <div className="cards">
        {parts.map((n) => {
          const checks = progress[n];
          const done = checks.filter((c) => c.done).length;
          return (
            <article className="card" key={n}>
              <h2>
                {n}. {partTitles[n]}
              </h2>
              <p className="hint">
                {done} of {checks.length} done
              </p>
              <GuideChecklist checks={checks} />
              <Link to={`${base}/guide/${n}/0`}>Work on part {n}</Link>
            </article>
          );
        })}
      </div>
      <h2>Take it with you</h2>
      <ul className="exports">
        <li>
          <a href={planExportHref(plan.id, 'pdf')} download>
            Download PDF
          </a>{' '}
          — laid out for a review meeting
        </li>
        <li>
          <a href={planExportHref(plan.id, 'md')} download>
            Download Markdown
          </a>
        </li>
        <li>
          <a href={planExportHref(plan.id, 'json')} download>
            Download JSON
          </a>{' '}
          — complete; import it into any Waymark
        </li>
      </ul>
      <PlanDetails plan={plan} orgId={orgId} />
    </section>
  );
}
