import { Link, useParams } from 'react-router';
import { goalStatusLabels } from '../../../features/plans/labels';
import { useTitle } from '../../components/use-title';
import { ItemComments } from '../comments/item-comments';
import { GoalMatches } from '../mentoring/goal-matches';
import { usePlanContext } from '../plans/plan-layout';
import { AddEvidenceForm } from './add-evidence-form';
import { day } from './evidence-api';
import { EvidenceList } from './evidence-list';
import { GoalTimeline } from './goal-timeline';

/** One goal's evidence and timeline: what shows the learning, and how it went. */
export function GoalPage() {
  const { orgId = '', goalId = '' } = useParams();
  const plan = usePlanContext();
  const goal = plan.goals.find((g) => g.id === goalId);
  useTitle(goal ? `Evidence: ${goal.what || 'Untitled goal'}` : 'Goal not found');
  const goalsUrl = `/orgs/${orgId}/plans/${plan.id}/goals`;
  if (!goal) {
    return (
      <section>
        <h1>Goal not found</h1>
        <p>
          This goal is not in the plan (any more). <Link to={goalsUrl}>Back to the goals</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="goal-page">
      <p>
        <Link to={goalsUrl}>← All goals</Link>
      </p>
      <h1>{goal.what || 'Untitled goal'}</h1>
      <p className="hint">
        {goalStatusLabels[goal.status]} · {goal.progress}% done
        {goal.targetDate && (
          <>
            {' '}
            · target <time dateTime={goal.targetDate}>{day(goal.targetDate)}</time>
          </>
        )}
      </p>
      {goal.evidence && (
        <p>
          <strong>How I will know:</strong> {goal.evidence}
        </p>
      )}
      <div className="two-columns">
        <div>
          <h2>Evidence</h2>
          <EvidenceList planId={plan.id} goalId={goal.id} />
          <AddEvidenceForm planId={plan.id} goalId={goal.id} />
        </div>
        <div>
          <h2>Timeline</h2>
          <GoalTimeline planId={plan.id} goalId={goal.id} />
        </div>
      </div>
      <ItemComments
        planId={plan.id}
        target={{ kind: 'goal', id: goal.id }}
        title={goal.what || 'this goal'}
        isLearner
      />
      <GoalMatches planId={plan.id} goalId={goal.id} topics={goal.topics} />
    </section>
  );
}
