import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { guideProgress } from '../../../features/plans/guide-progress';
import { partTitles } from '../../../features/plans/labels';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { useGuide } from '../guides/guides-api';
import { GuideChecklist } from './guide-checklist';
import { kindOfPart, PartEditor } from './part-editor';
import { useSaveGuidePosition } from './plan-api';
import { usePlanContext } from './plan-layout';

/**
 * The guide: one prompt at a time, part by part, with the part's editor underneath. The learner's place is
 * saved on the plan, so "Continue the guide" brings them back to this very prompt.
 */
export function GuidePage() {
  const plan = usePlanContext();
  const { orgId = '', part: partParam, step: stepParam } = useParams();
  const navigate = useNavigate();
  const guide = useGuide(orgId);
  const part = Math.min(4, Math.max(1, Number(partParam) || plan.guide.part)) as 1 | 2 | 3 | 4;
  const prompts = guide.data?.parts[part - 1]?.prompts ?? [];
  const step = Math.min(Math.max(0, Number(stepParam) || 0), Math.max(0, prompts.length - 1));
  useTitle(`Guide, part ${part}: ${partTitles[part]}`);

  const remember = useSaveGuidePosition(plan.id);
  // biome-ignore lint/correctness/useExhaustiveDependencies: save only when the position changes
  useEffect(() => {
    if (!guide.data) return;
    if (plan.guide.part !== part || plan.guide.step !== step) remember.mutate({ part, step });
  }, [part, step, guide.data]);

  if (guide.isPending) return <p role="status">Loading the guide…</p>;
  if (guide.error) return <FormError error={guide.error} />;
  const base = `/orgs/${orgId}/plans/${plan.id}/guide`;
  const last = part === 4 && step === prompts.length - 1;
  const next = step < prompts.length - 1 ? `${base}/${part}/${step + 1}` : `${base}/${part + 1}/0`;
  const prevLength = guide.data.parts[part - 2]?.prompts.length ?? 1;
  const prev = step > 0 ? `${base}/${part}/${step - 1}` : part > 1 ? `${base}/${part - 1}/${prevLength - 1}` : null;
  const checks = guideProgress(plan)[part];
  return (
    <section className="guide">
      <p className="hint">
        Part {part} of 4 · question {step + 1} of {prompts.length}
      </p>
      <h1>
        {part}. {partTitles[part]}
      </h1>
      {step === 0 && <p className="lead">{guide.data.parts[part - 1]?.intro}</p>}
      <div className="prompt">
        <h2>{prompts[step]}</h2>
      </div>
      <div className="guide-body">
        <PartEditor plan={plan} kind={kindOfPart[part]} />
        <aside className="part-progress" aria-label={`Part ${part}: done and left`}>
          <h2>In this part</h2>
          <GuideChecklist checks={checks} />
        </aside>
      </div>
      <nav className="guide-nav" aria-label="Guide">
        {prev && (
          <Link className="button secondary" to={prev}>
            Back
          </Link>
        )}
        {last ? (
          <button type="button" onClick={() => navigate(`/orgs/${orgId}/plans/${plan.id}`)}>
            Finish: see your plan
          </button>
        ) : (
          <Link className="button" to={next}>
            {step < prompts.length - 1 ? 'Next question' : `Next: part ${part + 1}`}
          </Link>
        )}
      </nav>
    </section>
  );
}
