import { useId, useState } from 'react';
import { Notice } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { useSaveRetention } from './audit-api';

/** How long events are kept: every admin reads it, owners change it (the server says the same). */
export function RetentionForm({ orgId, days, canChange }: { orgId: string; days: number; canChange: boolean }) {
  const id = useId();
  const save = useSaveRetention(orgId);
  const [value, setValue] = useState(String(days));
  const error = fieldError(save.error, 'retentionDays');
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>How long events are kept</h2>
      <p>
        Events are kept for {days} {days === 1 ? 'day' : 'days'}, then erased.
        {!canChange && ' Owners can change this.'}
      </p>
      {canChange && (
        <form
          noValidate
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(Number(value));
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-days`}>Days to keep events</label>
            <input
              id={`${id}-days`}
              type="number"
              inputMode="numeric"
              min={1}
              max={3650}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-days-error` : undefined}
            />
            {error && (
              <p className="field-error" id={`${id}-days-error`}>
                {error}
              </p>
            )}
          </div>
          <button type="submit" disabled={save.isPending}>
            Save
          </button>
        </form>
      )}
      {save.isSuccess && <Notice>Saved: events are kept for {save.data.retentionDays} days.</Notice>}
    </section>
  );
}
