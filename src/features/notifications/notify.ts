import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { notificationMail } from '../mail/index.js';
import {
  getLearnerSettings,
  type ReminderKind,
  reminderKindLabels,
  reminderKinds,
  unsubscribeToken,
  wantsEmail,
} from '../settings/index.js';
import {
  claimEmail,
  findNotificationByKey,
  findRecipient,
  insertNotification,
  isMember,
  releaseEmailClaim,
} from './notifications.repository.js';

/** Something to tell a person: stored once per (person, dedupe key), and e-mailed unless they opted out. */
export interface NotifyInput {
  userId: string;
  /** The organisation it is about; delivery is skipped once the person has left it. */
  organizationId: string | null;
  /** A reminder kind (which people may turn off by e-mail) or another feature's kind. */
  kind: string;
  title: string;
  body: string;
  /** Path of the item in the app ("/orgs/…/plans/…/goals"). */
  link: string | null;
  /** Names the event and its period ("target_near:goal-1:2027-03-01"): the same key never notifies twice. */
  dedupeKey: string;
}

/** The queue that delivers notifications (a retried job per notification). */
export const DELIVER_QUEUE = 'notification-deliver';

const isReminderKind = (kind: string): kind is ReminderKind => (reminderKinds as readonly string[]).includes(kind);

export type Delivery = 'skipped' | 'already-notified' | 'notified' | 'notified-and-emailed';

/**
 * Delivers a notification: stores it (once per dedupe key) and sends its e-mail, unless the person turned
 * that kind of e-mail off, it was already sent, or (with SMTP) their address is not confirmed. A failing send throws, for the job queue to retry.
 *
 * Nothing is sent twice: only the delivery that stored the notification, or a retry of it (`attempt` > 0),
 * may e-mail; and it first claims the e-mail on the row (`emailed_at`), so of two racing deliveries one
 * sends. The claim is given back when the send fails. If the process dies between claim and send, that
 * one e-mail is lost rather than risked twice; the in-app notification stays.
 */
export async function deliverNotification(ctx: AppContext, input: NotifyInput, attempt = 0): Promise<Delivery> {
  const recipient = await findRecipient(ctx.db, input.userId);
  if (!recipient) return 'skipped';
  if (input.organizationId && !(await isMember(ctx.db, input.userId, input.organizationId))) return 'skipped';

  const inserted = await insertNotification(ctx.db, { id: randomUUID(), ...input });
  const row = inserted ?? (await findNotificationByKey(ctx.db, input.userId, input.dedupeKey));
  if (!row || (!inserted && attempt === 0)) return 'already-notified';
  if (row.emailedAt) return 'notified';
  // Mail goes only to a confirmed address: an unconfirmed account may not be the address's owner.
  if (ctx.mailer.mode === 'smtp' && !recipient.emailVerified) return 'notified';

  const reminder = isReminderKind(input.kind) ? input.kind : undefined;
  if (reminder && !wantsEmail(await getLearnerSettings(ctx.db, input.userId), reminder)) return 'notified';
  if (!(await claimEmail(ctx.db, row.id))) return 'notified';

  const { baseUrl } = ctx.config;
  const token = reminder && unsubscribeToken(ctx.authSecret, input.userId, reminder);
  const mail = notificationMail({
    to: recipient.email,
    name: recipient.name,
    title: input.title,
    body: input.body,
    url: input.link ? `${baseUrl}${input.link}` : null,
    settingsUrl: `${baseUrl}/settings`,
    ...(reminder &&
      token && {
        unsubscribe: {
          pageUrl: `${baseUrl}/unsubscribe?token=${token}`,
          oneClickUrl: `${baseUrl}/api/unsubscribe?token=${token}`,
          because: reminderKindLabels[reminder].because,
        },
      }),
  });
  try {
    await ctx.mailer.send(mail);
  } catch (err) {
    await releaseEmailClaim(ctx.db, row.id);
    throw err;
  }
  return 'notified-and-emailed';
}

/**
 * Tells a person something, for any feature (reminders, comments, …). With the job queue running, a
 * delivery job stores the notification and sends its e-mail, retrying a failed send; without it, both
 * happen now and a failed e-mail is only logged (the in-app notification stays).
 *
 * On PGlite, call it after your transaction has committed: the queue shares PGlite's one connection.
 */
export async function notify(ctx: AppContext, input: NotifyInput): Promise<void> {
  if (ctx.jobs) {
    await ctx.jobs.send(DELIVER_QUEUE, input);
    return;
  }
  try {
    await deliverNotification(ctx, input);
  } catch (err) {
    ctx.log.warn({ err, kind: input.kind }, 'notification stored, but its e-mail could not be sent');
  }
}
