import { useId, useState } from 'react';

/**
 * A number of days and Save, on one line: how long something is kept. The server checks the number and its
 * word shows under the field (`error`).
 */
export function DaysForm({
  label,
  initial,
  max,
  error,
  pending,
  onSave,
}: {
  label: string;
  initial: number;
  max: number;
  error?: string;
  pending: boolean;
  onSave: (days: number) => void;
}) {
  const id = useId();
  const [days, setDays] = useState(String(initial));
  return (
    <form
      noValidate
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(Number(days));
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-days`}>{label}</label>
        <input
          id={`${id}-days`}
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-days-error` : undefined}
        />
        {error && (
          <p className="field-error" id={`${id}-days-error`}>
            {error}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending}>
        Save
      </button>
    </form>
  );
}
