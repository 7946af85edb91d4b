import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ANSWER_MAX } from '../../../features/checkins/checkin-prompts';
import { goalStatusLabels } from '../../../features/plans/labels';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { confirmDone } from '../../ui/toasts';
import type { GoalView } from '../plans/plan-api';
import { Select, TextArea } from '../plans/plan-fields';
import { type CheckinsOfPlanView, type CreateCheckinInput, useCreateCheckin } from './checkins-api';

type Prompt = CheckinsOfPlanView['prompts'][number];
type GoalEdit = { progress: string; status: GoalView['status'] };

const goalName = (g: GoalView) => g.what || 'Untitled goal';
const statusOptions = Object.entries(goalStatusLabels) as [GoalView['status'], string][];

/** Goals a check-in moves on: those being worked on or still ideas (achieved, paused and dropped rest). */
export const goalsToCheckIn = (goals: GoalView[]) => goals.filter((g) => g.status === 'active' || g.status === 'idea');

/**
 * The check-in itself: the reflective questions (one answer is enough) and the progress of each goal in
 * play. Errors from the server are shown at their fields and the first one gets the focus.
 */
export function CheckinForm({
  planId,
  prompts,
  goals,
  base,
}: {
  planId: string;
  prompts: Prompt[];
  goals: GoalView[];
  base: string;
}) {
  const headingId = useId();
  const questionsErrorId = useId();
  const form = useRef<HTMLFormElement>(null);
  const save = useCreateCheckin(planId);
  const [edits, setEdits] = useState<Record<string, GoalEdit>>({});
  // Which goal each entry of the sent progress list was, to put the server's `progress.N.*` errors in place.
  const [sentGoalIds, setSentGoalIds] = useState<string[]>([]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const inPlay = goalsToCheckIn(goals);

  const editOf = (g: GoalView): GoalEdit => edits[g.id] ?? { progress: String(g.progress), status: g.status };
  const goalError = (g: GoalView, field: 'progress' | 'status') => {
    if (localErrors[g.id] && field === 'progress') return localErrors[g.id];
    const i = sentGoalIds.indexOf(g.id);
    if (i < 0) return undefined;
    return (
      fieldError(save.error, `progress.${i}.${field}`) ??
      (field === 'progress' ? fieldError(save.error, `progress.${i}.goalId`) : undefined)
    );
  };

  useEffect(() => {
    if (save.error || Object.keys(localErrors).length > 0) {
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [save.error, localErrors]);

  const leave = useLeaveGuard();

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const answers = Object.fromEntries(prompts.map((p) => [p.id, String(data.get(`answer-${p.id}`) ?? '')]));
    const problems: Record<string, string> = {};
    const progress: CreateCheckinInput['progress'] = [];
    for (const g of inPlay) {
      const edit = editOf(g);
      const value = Number(edit.progress);
      if (edit.progress.trim() === '' || !Number.isInteger(value) || value < 0 || value > 100) {
        problems[g.id] = 'Enter a whole number from 0 to 100.';
        continue;
      }
      if (value !== g.progress || edit.status !== g.status) {
        progress.push({ goalId: g.id, progress: value, ...(edit.status !== g.status && { status: edit.status }) });
      }
    }
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setSentGoalIds(progress.map((p) => p.goalId));
    save.mutate(
      { answers: answers as CreateCheckinInput['answers'], progress },
      {
        onSuccess: () => {
          form.current?.reset();
          setEdits({});
          confirmDone('Check-in saved. Well done for taking the time to reflect.');
        },
      },
    );
  }

  const questionsError = fieldError(save.error, 'answers');
  return (
    <form
      ref={form}
      className="panel checkin-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={submit}
      {...leave.formProps}
    >
      <h2 id={headingId}>Check in now</h2>
      <p className="hint">A few minutes to look back and ahead. Answer any of the questions: one is enough.</p>
      <fieldset className="checkin-questions" aria-describedby={questionsError ? questionsErrorId : undefined}>
        <legend>Reflect</legend>
        {questionsError && (
          <p className="field-error" id={questionsErrorId}>
            {questionsError}
          </p>
        )}
        {prompts.map((p) => (
          <TextArea
            key={p.id}
            label={p.text}
            name={`answer-${p.id}`}
            maxLength={ANSWER_MAX}
            aria-invalid={questionsError || fieldError(save.error, `answers.${p.id}`) ? true : undefined}
            error={fieldError(save.error, `answers.${p.id}`)}
          />
        ))}
      </fieldset>
      <fieldset className="checkin-goals">
        <legend>Progress on your goals</legend>
        {inPlay.length === 0 ? (
          <p className="hint">
            No active goals or ideas in this plan yet. <Link to={`${base}/goals`}>Add a goal</Link> to track its
            progress here.
          </p>
        ) : (
          <p className="hint">Move a goal on if you made progress; leave the others as they are.</p>
        )}
        {inPlay.map((g) => {
          const edit = editOf(g);
          const set = (change: Partial<GoalEdit>) => setEdits((all) => ({ ...all, [g.id]: { ...edit, ...change } }));
          return (
            <div className="checkin-goal" key={g.id}>
              <p className="checkin-goal-name">
                {goalName(g)} <span className="hint">now {g.progress}%</span>
              </p>
              <div className="row">
                <Field
                  label={`Progress of “${goalName(g)}” (%)`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={100}
                  step={5}
                  value={edit.progress}
                  onChange={(ev) => set({ progress: ev.target.value })}
                  error={goalError(g, 'progress')}
                />
                <Select
                  label={`Status of “${goalName(g)}”`}
                  value={edit.status}
                  options={statusOptions}
                  onChange={(ev) => set({ status: ev.target.value as GoalView['status'] })}
                  error={goalError(g, 'status')}
                />
              </div>
            </div>
          );
        })}
      </fieldset>
      <FormError error={save.error} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save check-in'}
        </button>
      </div>
      {leave.question}
    </form>
  );
}
