import { lazy, Suspense, useEffect, useId } from 'react';
import { formatDay } from '../lib/dates';
import type { DateFieldProps } from './date-field';
import { whenIdle } from './deferred';

const load = () => import('./date-field');
const Loaded = lazy(async () => ({ default: (await load()).DateField }));

/**
 * The date field for the shell (quick capture is on every page): React Aria's date picker is not part of the
 * first load (decision 2026-12-05-first-load), so it is fetched when the browser is idle. Until it has arrived
 * a read-only stand-in shows the day in the one date format and still sends it with the form.
 */
export function DeferredDateField(props: DateFieldProps) {
  useEffect(() => whenIdle(() => void load()), []);
  return (
    <Suspense fallback={<DateFieldStandIn {...props} />}>
      <Loaded {...props} />
    </Suspense>
  );
}

function DateFieldStandIn({ label, name, value, defaultValue, hint }: DateFieldProps) {
  const id = useId();
  const day = (value === undefined ? defaultValue : value) ?? '';
  return (
    <div className="field date-field">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint">{hint}</p>}
      <input id={id} type="text" readOnly value={day ? formatDay(day) : ''} />
      {name && <input type="hidden" name={name} value={day} />}
    </div>
  );
}
