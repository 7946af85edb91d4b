import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { SaveOrCancel } from '../../components/save-or-cancel';
import { fieldError } from '../../lib/api';
import { submitGuarded, useLeaveGuard } from '../../lib/use-leave-guard';
import { DateField } from '../../ui/date-field';
import type { CohortFields } from './programmes-api';

/**
 * A cohort's name, start date, capacity and last day to join: the one form to open a cohort and to change one.
 * The server checks what depends on others (capacity not below the people already in, the last day to join
 * within the programme); its words show under the field they are about.
 */
export function CohortForm({
  heading,
  headingId,
  cohort,
  submitLabel,
  busy,
  error,
  onSave,
  onCancel,
}: {
  heading: string;
  headingId: string;
  cohort?: CohortFields;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSave: (fields: CohortFields, done: () => void) => void;
  onCancel?: () => void;
}) {
  const leave = useLeaveGuard();
  const err = (f: string) => fieldError(error, f);
  return (
    <form
      className="panel"
      aria-labelledby={headingId}
      {...leave.formProps}
      onSubmit={submitGuarded(
        leave,
        (text) => ({
          name: text('name'),
          startsOn: text('startsOn'),
          capacity: text('capacity') ? Number(text('capacity')) : null,
          joinBy: text('joinBy') || null,
        }),
        onSave,
        !cohort,
      )}
    >
      <h3 id={headingId}>{heading}</h3>
      <Field label="Name" name="name" required maxLength={80} defaultValue={cohort?.name} error={err('name')} />
      <DateField label="Starts on" name="startsOn" required defaultValue={cohort?.startsOn} error={err('startsOn')} />
      <Field
        label="Capacity (optional)"
        name="capacity"
        type="number"
        min={1}
        defaultValue={cohort?.capacity ?? ''}
        error={err('capacity')}
      />
      <DateField
        label="Last day to join (optional)"
        name="joinBy"
        hint="At most the programme’s last day."
        defaultValue={cohort?.joinBy ?? null}
        error={err('joinBy')}
      />
      <FormError error={error} />
      <SaveOrCancel saveLabel={submitLabel} pending={busy} onCancel={onCancel} />
      {leave.question}
    </form>
  );
}
