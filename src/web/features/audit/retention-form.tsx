import { useId } from 'react';
import { DaysForm } from '../../components/days-form';
import { fieldError } from '../../lib/api';
import { confirmDone } from '../../ui/toasts';
import { useSaveRetention } from './audit-api';

/** How long events are kept: every admin reads it, owners change it (the server says the same). */
export function RetentionForm({ orgId, days, canChange }: { orgId: string; days: number; canChange: boolean }) {
  const id = useId();
  const save = useSaveRetention(orgId);
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>How long events are kept</h2>
      <p>
        Events are kept for {days} {days === 1 ? 'day' : 'days'}, then erased.
        {!canChange && ' Owners can change this.'}
      </p>
      {canChange && (
        <DaysForm
          key={days}
          label="Days to keep events"
          initial={days}
          max={3650}
          error={fieldError(save.error, 'retentionDays')}
          pending={save.isPending}
          onSave={(value) =>
            save.mutate(value, {
              onSuccess: (saved) => confirmDone(`Saved: events are kept for ${saved.retentionDays} days.`),
            })
          }
        />
      )}
    </section>
  );
}
