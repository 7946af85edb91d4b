import { useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { Select } from '../plans/plan-fields';
import { usePlanContext } from '../plans/plan-layout';
import { useSetCadence } from '../settings/settings-api';
import { CheckinForm } from './checkin-form';
import { CheckinList } from './checkin-list';
import { type CheckinCadence, cadenceLabels, dueSummary, useCheckins } from './checkins-api';

const cadenceOptions = Object.entries(cadenceLabels) as [CheckinCadence, string][];

/** Check-ins on a plan: the rhythm and when the next is due, the check-in form, and the past ones. */
export function CheckinsPage() {
  const plan = usePlanContext();
  const { orgId = '' } = useParams();
  useTitle(`Check-ins · Plan ${plan.cycle}`);
  const checkins = useCheckins(plan.id);
  const setCadence = useSetCadence();
  const base = `/orgs/${orgId}/plans/${plan.id}`;

  if (checkins.isPending) return <p role="status">Loading your check-ins…</p>;
  if (checkins.error) return <FormError error={checkins.error} />;
  const view = checkins.data;
  const due = dueSummary(view);
  return (
    <section>
      <h1>Check-ins</h1>
      <p className="lead">
        Revisit your plan regularly: what you are learning, what works, what you will try next. Each check-in can move
        your goals on.
      </p>
      <div className="panel checkin-rhythm">
        <p className={due.due ? 'checkin-due-now' : undefined}>
          <strong>{due.text}</strong>
        </p>
        <Select
          label="How often do you want to check in?"
          hint="For all your plans. Reminders follow this rhythm."
          value={view.cadence}
          options={cadenceOptions}
          onChange={(e) => setCadence.mutate(e.target.value as CheckinCadence)}
        />
        <p role="status" className="hint">
          {setCadence.isPending ? 'Saving…' : setCadence.isSuccess ? `Saved: ${cadenceLabels[view.cadence]}.` : ''}
        </p>
        <FormError error={setCadence.error} />
      </div>
      <CheckinForm planId={plan.id} prompts={view.prompts} goals={plan.goals} base={base} />
      <h2>Past check-ins</h2>
      <CheckinList planId={plan.id} checkins={view.checkins} />
    </section>
  );
}
