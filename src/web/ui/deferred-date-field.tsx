import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { formatDay } from '../lib/dates';
import type { DateFieldProps } from './date-field';
import { whenIdle } from './deferred';

const Loaded = lazy(async () => ({ default: (await import('./date-field')).DateField }));

/**
 * The date field for the shell (quick capture is on every page): React Aria's date picker is not part of the
 * first load (decision 2026-12-05-first-load), so it is fetched when the browser is idle. Until it has arrived
 * a read-only stand-in shows the day in the one date format and still sends it with the form. The field itself is
 * rendered only then (or when the stand-in is focused): a lazy component fetches its code as soon as it renders,
 * and quick capture's form is in every page from the start, so rendering it at once fetched 39 kB before the
 * first page was drawn.
 */
export function DeferredDateField(props: DateFieldProps) {
  const [wanted, setWanted] = useState(false);
  useEffect(() => whenIdle(() => setWanted(true)), []);
  const standIn = <DateFieldStandIn {...props} onFocus={() => setWanted(true)} />;
  if (!wanted) return standIn;
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
