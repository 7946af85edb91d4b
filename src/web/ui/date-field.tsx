import { type CalendarDate, parseDate } from '@internationalized/date';
import { CalendarDays, ChevronLeft, ChevronRight } from 'lucide-react';
import { type FocusEvent, useCallback, useContext, useState } from 'react';
import { UNSAFE_PortalProvider as PortalProvider } from 'react-aria/PortalProvider';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DatePickerStateContext,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  Text,
} from 'react-aria-components';

/**
 * The segments and the calendar button. A day left half-cleared ("03/dd/2027") is no day: when the focus leaves
 * the field it is emptied, so the form does not send the last whole day while the page shows gaps (React Aria
 * keeps that day until every segment is cleared). A half-typed new day already sends nothing.
 */
function DayInput() {
  const state = useContext(DatePickerStateContext);
  const leave = (e: FocusEvent<HTMLElement>) => {
    if (!state?.value || e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    // The segments' state lives inside DateInput; what they show is on the page.
    if (e.currentTarget.querySelector('.date-segment[data-placeholder]')) state.setValue(null);
  };
  return (
    <Group className="date-input-group" onBlur={leave}>
      <DateInput className="date-input">
        {(segment) => <DateSegment segment={segment} className="date-segment" />}
      </DateInput>
      <Button className="date-calendar-button">
        <CalendarDays aria-hidden="true" size={18} />
      </Button>
    </Group>
  );
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "2027-04-30" as React Aria's calendar date; null for empty or anything that is not a calendar day. */
export function dayValue(day: string | null | undefined): CalendarDate | null {
  if (!day || !CALENDAR_DAY.test(day)) return null;
  try {
    return parseDate(day);
  } catch {
    return null; // "2027-02-30" has the shape of a day but is none
  }
}

export interface DateFieldProps {
  label: string;
  /** Sends the day as `YYYY-MM-DD` with the form (a hidden input), empty when no day is chosen. */
  name?: string;
  /** A controlled day, `YYYY-MM-DD` or null for none (with `onChange`). */
  value?: string | null;
  /** The first day of an uncontrolled field. */
  defaultValue?: string | null;
  onChange?: (day: string | null) => void;
  /** The earliest and latest days that may be chosen, `YYYY-MM-DD`. */
  min?: string;
  max?: string;
  required?: boolean;
  hint?: string;
  /** The server's message about this field, shown and announced like every field's. */
  error?: string;
  className?: string;
}

/**
 * A calendar day typed in the reader's own order (day, month and year as their language writes dates, the same
 * language `lib/dates.ts` formats them in) or picked from a calendar: React Aria's date picker. Every segment
 * takes digits and the arrow keys; Backspace empties it. The form receives `YYYY-MM-DD`, as the API expects,
 * or nothing when the field is empty.
 */
export function DateField({
  label,
  name,
  value,
  defaultValue,
  onChange,
  min,
  max,
  required,
  hint,
  error,
  className,
}: DateFieldProps) {
  const controlled = value !== undefined;
  // Inside a modal <dialog> (quick capture) everything outside it is inert: the calendar opens in the dialog.
  const [dialog, setDialog] = useState<HTMLDialogElement | null>(null);
  const placed = useCallback((el: HTMLDivElement | null) => setDialog(el?.closest('dialog') ?? null), []);
  return (
    <PortalProvider getContainer={dialog ? () => dialog : null}>
      <DatePicker
        ref={placed}
        className={['field', 'date-field', className].filter(Boolean).join(' ')}
        name={name}
        {...(controlled ? { value: dayValue(value) } : { defaultValue: dayValue(defaultValue) })}
        onChange={(day) => onChange?.(day ? day.toString() : null)}
        minValue={dayValue(min)}
        maxValue={dayValue(max)}
        isRequired={required}
        isInvalid={error ? true : undefined}
        granularity="day"
        shouldForceLeadingZeros
      >
        <Label className="date-label">{label}</Label>
        {hint && (
          <Text slot="description" className="hint">
            {hint}
          </Text>
        )}
        <DayInput />
        <FieldError className="field-error">{({ validationErrors }) => error ?? validationErrors.join(' ')}</FieldError>
        <Popover className="popover date-popover" placement="bottom start">
          <Dialog className="date-dialog" aria-label={label}>
            <Calendar className="calendar">
              <header className="calendar-head">
                <Button slot="previous" className="icon-button">
                  <ChevronLeft aria-hidden="true" size={18} />
                </Button>
                <Heading className="calendar-heading" />
                <Button slot="next" className="icon-button">
                  <ChevronRight aria-hidden="true" size={18} />
                </Button>
              </header>
              <CalendarGrid className="calendar-grid">
                {(date) => <CalendarCell date={date} className="calendar-cell" />}
              </CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </PortalProvider>
  );
}
