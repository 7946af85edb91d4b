import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { useCohortEdits, useCohorts } from './programmes-api';

/** The programme's cohorts with their people, and a form to open one. */
export function CohortsSection({ programmeId }: { programmeId: string }) {
  const cohorts = useCohorts(programmeId);
  const edits = useCohortEdits(programmeId);
  const leave = useLeaveGuard();
  const list = cohorts.data?.cohorts ?? [];
  const err = (f: string) => fieldError(edits.open.error, f);
  return (
    <section aria-labelledby="cohorts">
      <h2 id="cohorts">Cohorts</h2>
      <FormError error={cohorts.error} />
      {cohorts.isSuccess && list.length === 0 && (
        <p className="hint">
          No cohorts yet. A cohort is a group that starts together on a date; its weeks are released from then.
        </p>
      )}
      <ul>
        {list.map((c) => (
          <li key={c.id}>
            <strong>{c.name}</strong>: starts {formatDay(c.startsOn)}
            {c.joinBy && `, join by ${formatDay(c.joinBy)}`} · {c.participants}
            {c.capacity === null ? '' : ` of ${c.capacity}`} {c.participants === 1 ? 'participant' : 'participants'}{' '}
            {c.participants === 0 && (
              <button type="button" className="secondary" onClick={() => edits.remove.mutate(c.id)}>
                Delete<span className="visually-hidden"> {c.name}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormError error={edits.remove.error} />
      <form
        className="panel"
        aria-labelledby="open-cohort"
        {...leave.formProps}
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const d = new FormData(form);
          const text = (k: string) => String(d.get(k) ?? '');
          edits.open.mutate(
            {
              name: text('name'),
              startsOn: text('startsOn'),
              capacity: text('capacity') ? Number(text('capacity')) : null,
              joinBy: text('joinBy') || null,
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <h3 id="open-cohort">Open a cohort</h3>
        <Field label="Name" name="name" required maxLength={80} error={err('name')} />
        <Field label="Starts on" name="startsOn" type="date" required error={err('startsOn')} />
        <Field label="Capacity (optional)" name="capacity" type="number" min={1} error={err('capacity')} />
        <Field
          label="Last day to join (optional)"
          name="joinBy"
          type="date"
          hint="At most the programme’s last day."
          error={err('joinBy')}
        />
        <FormError error={edits.open.error} />
        <button type="submit" disabled={edits.open.isPending}>
          Open the cohort
        </button>
        {leave.question}
      </form>
    </section>
  );
}
