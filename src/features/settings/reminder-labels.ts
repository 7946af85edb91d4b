import type { ReminderKind } from './settings.schema.js';

/*
 * Words for each kind of reminder, shared by the e-mails, the unsubscribe page and the settings page so a
 * kind reads the same everywhere. Pure: the web app imports it.
 */
export const reminderKindLabels = {
  checkin_due: {
    /** The settings checkbox. */
    setting: 'E-mail me when a check-in is due',
    /** "You get this e-mail because …" */
    because: 'you asked for e-mails when a check-in is due',
    /** What unsubscribing turns off. */
    turnedOff: 'e-mails when a check-in is due',
  },
  target_near: {
    setting: 'E-mail me when a goal’s target date or a milestone is a week away',
    because: 'you asked for e-mails when a goal’s target date or a milestone nears',
    turnedOff: 'e-mails when a goal’s target date or a milestone nears',
  },
  share_behind: {
    setting: 'E-mail me when a sharing commitment falls behind',
    because: 'you asked for e-mails when a sharing commitment falls behind',
    turnedOff: 'e-mails when a sharing commitment falls behind',
  },
  programme_released: {
    setting: 'E-mail me when a week of a programme I take part in is out',
    because: 'you asked for e-mails when a week of a programme you take part in is out',
    turnedOff: 'e-mails when a week of a programme is out',
  },
  programme_behind: {
    setting: 'E-mail me a gentle reminder when I fall behind in a programme',
    because: 'you asked for a gentle reminder when you fall behind in a programme',
    turnedOff: 'reminders when you fall behind in a programme',
  },
  programme_catch_up: {
    setting: 'E-mail me when a programme’s catch-up week begins',
    because: 'you asked for e-mails when a programme’s catch-up week begins',
    turnedOff: 'e-mails when a programme’s catch-up week begins',
  },
  programme_last_week: {
    setting: 'E-mail me when a programme’s last week begins',
    because: 'you asked for e-mails when a programme’s last week begins',
    turnedOff: 'e-mails when a programme’s last week begins',
  },
  programme_nudge: {
    setting: 'E-mail me when a programme’s organisers send a nudge',
    because: 'you asked for e-mails when a programme’s organisers send a nudge',
    turnedOff: 'e-mails when a programme’s organisers send a nudge',
  },
  recognition_decided: {
    setting: 'E-mail me when my request for recognition is approved or declined',
    because: 'you asked for e-mails when a request for recognition is answered',
    turnedOff: 'e-mails when a request for recognition is answered',
  },
} as const satisfies Record<ReminderKind, { setting: string; because: string; turnedOff: string }>;
