import { lazy, Suspense, useId, useState } from 'react';
import { formatDay } from '../lib/dates';
import type { DateFieldProps } from './date-field';

const Loaded = lazy(async () => ({ default: (await import('./date-field')).DateField }));

/**
 * The date field for the shell (quick capture is on every page): React Aria's date picker is not part of the
 * page's load (decision 2026-12-05-first-load). It is fetched once the form is about to be used (`wanted`:
 * quick capture's dialog opened) or its stand-in gets the focus; until it has arrived a read-only stand-in shows
 * the day in the one date format and still sends it with the form. Fetched when the browser was idle after the
 * first paint, its 39 kB were the largest part of a phone's blocking time on pages where nobody opened the form.
 */
export function DeferredDateField({ wanted = false, ...props }: DateFieldProps & { wanted?: boolean }) {
  const [focused, setFocused] = useState(false);
  const standIn = <DateFieldStandIn {...props} onFocus={() => setFocused(true)} />;
  if (!wanted && !focused) return standIn;
  return (
    <Suspense fallback={standIn}>
      <Loaded {...props} />
    </Suspense>
  );
}

function DateFieldStandIn({
  label,
  name,
  value,
  defaultValue,
  hint,
  onFocus,
}: DateFieldProps & { onFocus: () => void }) {
  const id = useId();
  const day = (value === undefined ? defaultValue : value) ?? '';
  return (
    <div className="field date-field">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint">{hint}</p>}
      <input id={id} type="text" readOnly value={day ? formatDay(day) : ''} onFocus={onFocus} />
      {name && <input type="hidden" name={name} value={day} />}
    </div>
  );
}
