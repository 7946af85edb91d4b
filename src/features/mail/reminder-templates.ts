import type { MailMessage } from './mailer.js';
import { escapeHtml } from './templates.js';

/*
 * The e-mail that goes with an in-app notification (a reminder). Titles and bodies quote what people wrote
 * (goal names), so every value is escaped in the HTML twin. Reminders that can be turned off carry a
 * one-click unsubscribe: a link in the text and the List-Unsubscribe headers of RFC 8058.
 */

export interface NotificationMailInput {
  to: string;
  name: string;
  title: string;
  body: string;
  /** The item in the app, as an absolute URL. */
  url: string | null;
  /** The settings page, where every kind of e-mail can be turned on or off. */
  settingsUrl: string;
  unsubscribe?: {
    /** The page a person opens (one button). */
    pageUrl: string;
    /** The API address mail programs POST to (no sign-in needed). */
    oneClickUrl: string;
    /** Why they get it: "you asked for e-mails when a check-in is due". */
    because: string;
  };
}

/** Subjects are one line: a goal name with a line break must not break the header. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function notificationMail(input: NotificationMailInput): MailMessage {
  const { unsubscribe } = input;
  const text = [
    `Hello ${input.name},`,
    input.body,
    ...(input.url ? [`Open it in Waymark: ${input.url}`] : []),
    '— Waymark',
    ...(unsubscribe
      ? [
          `You get this e-mail because ${unsubscribe.because}. To stop these e-mails with one click: ${unsubscribe.pageUrl}`,
        ]
      : []),
    `Choose which e-mails you get: ${input.settingsUrl}`,
  ].join('\n\n');
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const a = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const html = [
    p(`Hello ${input.name},`),
    p(input.body),
    input.url ? `<p>${a(input.url, 'Open it in Waymark')}</p>` : '',
    p('— Waymark'),
    `<hr><p><small>${
      unsubscribe
        ? `You get this e-mail because ${escapeHtml(unsubscribe.because)}. ${a(unsubscribe.pageUrl, 'Stop these e-mails')} · `
        : ''
    }${a(input.settingsUrl, 'Choose which e-mails you get')}</small></p>`,
  ].join('');
  return {
    to: input.to,
    subject: oneLine(input.title),
    text,
    html,
    ...(unsubscribe && {
      headers: {
        'List-Unsubscribe': `<${unsubscribe.oneClickUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    }),
  };
}
