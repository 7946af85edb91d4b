import { useId, useState } from 'react';
import { reminderKindLabels } from '../../../features/settings/reminder-labels';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { confirmDone } from '../../ui/toasts';
import { YourDataSection } from '../archives/your-data-section';
import { CalendarFeedSection } from '../calendar/calendar-feed-section';
import { cadenceLabels } from '../checkins/checkins-api';
import { InsightsConsentSection } from '../insights/insights-consent';
import { ApiTokensSection } from '../tokens/api-tokens-section';
import { browserTimeZone, type SettingsView, timeZoneOptions, useSaveSettings, useSettings } from './settings-api';

const cadences = ['none', 'daily', 'weekly', 'monthly'] as const;
const reminderKinds = Object.keys(reminderKindLabels) as (keyof typeof reminderKindLabels)[];

/**
 * The learner's own settings: time zone, check-in rhythm, which reminders come by e-mail, whether their learning
 * counts in anonymous insights; the calendar feed.
 */
export function SettingsPage() {
  useTitle('Settings');
  const settings = useSettings();
  const save = useSaveSettings();
  return (
    <section className="narrow">
      <h1>Settings</h1>
      {/* First when there is any: it is erased on a date, and the removal e-mail sends people here. */}
      <YourDataSection />
      <FormError error={settings.error} />
      {settings.data ? (
        // A new version (saved here or elsewhere) starts the form again from what is stored.
        <RemindersForm key={settings.data.version} settings={settings.data} save={save} />
      ) : (
        !settings.error && <p role="status">Loading…</p>
      )}
      <InsightsConsentSection />
      <CalendarFeedSection />
      <ApiTokensSection />
    </section>
  );
}

function RemindersForm({ settings, save }: { settings: SettingsView; save: ReturnType<typeof useSaveSettings> }) {
  const id = useId();
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [cadence, setCadence] = useState(settings.checkinCadence);
  const [optOut, setOptOut] = useState<string[]>(settings.emailOptOut);
  const browserZone = browserTimeZone();
  const zones = timeZoneOptions();
  const errors = {
    timeZone: fieldError(save.error, 'timeZone'),
    checkinCadence: fieldError(save.error, 'checkinCadence'),
    emailOptOut: fieldError(save.error, 'emailOptOut'),
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          {
            timeZone,
            checkinCadence: cadence,
            emailOptOut: optOut as SettingsView['emailOptOut'],
            // Version 0: nothing stored yet, so there is nothing to be stale against.
            ...(settings.version > 0 && { version: settings.version }),
          },
          { onSuccess: () => confirmDone('Your settings are saved.') },
        );
      }}
    >
      <FormError error={save.error} />

      <h2>Your time zone</h2>
      <div className="field">
        <label htmlFor={`${id}-tz`}>Time zone</label>
        <p className="hint" id={`${id}-tz-hint`}>
          Reminders follow your clock: they arrive from 08:00 your time, and “today” is your today.
        </p>
        <select
          id={`${id}-tz`}
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          aria-invalid={errors.timeZone ? true : undefined}
          aria-describedby={[`${id}-tz-hint`, errors.timeZone && `${id}-tz-error`].filter(Boolean).join(' ')}
        >
          {!zones.includes(timeZone) && <option value={timeZone}>{timeZone}</option>}
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        {errors.timeZone && (
          <p className="field-error" id={`${id}-tz-error`}>
            {errors.timeZone}
          </p>
        )}
      </div>
      {browserZone && browserZone !== timeZone && (
        <p>
          <button type="button" className="secondary" onClick={() => setTimeZone(browserZone)}>
            Use this browser’s time zone ({browserZone.replaceAll('_', ' ')})
          </button>
        </p>
      )}

      <h2>Check-ins</h2>
      <fieldset className="checkbox-group" aria-describedby={errors.checkinCadence && `${id}-cadence-error`}>
        <legend>How often do you want to check in on your plan?</legend>
        {cadences.map((c) => (
          <label key={c} className="check">
            <input
              type="radio"
              name="checkinCadence"
              value={c}
              checked={cadence === c}
              onChange={() => setCadence(c)}
            />
            {cadenceLabels[c]}
          </label>
        ))}
        {errors.checkinCadence && (
          <p className="field-error" id={`${id}-cadence-error`}>
            {errors.checkinCadence}
          </p>
        )}
      </fieldset>

      <h2>Reminder e-mails</h2>
      <p className="hint" id={`${id}-mail-hint`}>
        Reminders always appear on your Notifications page. Choose which of them also come by e-mail.
      </p>
      <fieldset
        className="checkbox-group"
        aria-describedby={[`${id}-mail-hint`, errors.emailOptOut && `${id}-mail-error`].filter(Boolean).join(' ')}
      >
        <legend>Reminders by e-mail</legend>
        {reminderKinds.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              name="emailReminders"
              value={kind}
              checked={!optOut.includes(kind)}
              onChange={(e) => setOptOut(e.target.checked ? optOut.filter((k) => k !== kind) : [...optOut, kind])}
            />
            {reminderKindLabels[kind].setting}
          </label>
        ))}
        {errors.emailOptOut && (
          <p className="field-error" id={`${id}-mail-error`}>
            {errors.emailOptOut}
          </p>
        )}
      </fieldset>

      <button type="submit" disabled={save.isPending}>
        Save settings
      </button>
    </form>
  );
}
