import type { AppContext } from '../../server/context.js';
import { notFound, validationError } from '../../server/errors.js';
import { checkUnsubscribeToken, getLearnerSettings, reminderKindLabels, wantsEmail } from '../settings/index.js';
import { findRecipient } from './notifications.repository.js';
import { optOutOfEmail } from './unsubscribe.repository.js';

/**
 * The person and kind of reminder a link is for. No sign-in: the signature is the proof. A mangled link
 * answers 400 naming the token; a forged one, or one for an account since deleted, 404.
 */
async function recipientOf(ctx: AppContext, token: string) {
  const check = checkUnsubscribeToken(ctx.authSecret, token);
  if (!check.ok && check.reason === 'malformed') {
    throw validationError(
      { token: 'This unsubscribe link is incomplete. Copy the whole link from the e-mail, or use your settings.' },
      'This unsubscribe link is incomplete.',
    );
  }
  if (!check.ok || !(await findRecipient(ctx.db, check.userId))) throw notFound('This unsubscribe link');
  return check;
}

/** What the link would turn off, and whether it is off already (the page shows this before the button). */
export async function describeUnsubscribe(ctx: AppContext, token: string) {
  const { userId, kind } = await recipientOf(ctx, token);
  const settings = await getLearnerSettings(ctx.db, userId);
  return { kind, turnedOff: reminderKindLabels[kind].turnedOff, unsubscribed: !wantsEmail(settings, kind) };
}

/** Turns off the e-mails of one kind of reminder (RFC 8058 one-click, or the page's button). */
export async function unsubscribe(ctx: AppContext, token: string) {
  const { userId, kind } = await recipientOf(ctx, token);
  await optOutOfEmail(ctx.db, userId, kind);
  return { kind, turnedOff: reminderKindLabels[kind].turnedOff, unsubscribed: true };
}
