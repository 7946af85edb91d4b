import { createHmac, timingSafeEqual } from 'node:crypto';
import { type ReminderKind, reminderKinds } from './settings.schema.js';

/*
 * One-click unsubscribe links carry who and which kind of reminder, signed with a key derived from the
 * app's secret: nothing is stored, a link cannot be made for someone else, and it keeps working for as
 * long as the secret does (RFC 8058 asks for links that need no sign-in).
 */

const keyOf = (secret: string) => createHmac('sha256', secret).update('waymark unsubscribe links v1').digest();
const signatureOf = (secret: string, payload: string) =>
  createHmac('sha256', keyOf(secret)).update(payload).digest('base64url');

/** The token for "stop e-mailing `userId` about `kind`". */
export function unsubscribeToken(secret: string, userId: string, kind: ReminderKind): string {
  const payload = Buffer.from(JSON.stringify([userId, kind])).toString('base64url');
  return `${payload}.${signatureOf(secret, payload)}`;
}

export type TokenCheck =
  | { ok: true; userId: string; kind: ReminderKind }
  /** Not a token at all (cut short, mangled); or well-formed but not signed by this app. */
  | { ok: false; reason: 'malformed' | 'forged' };

/** Reads a token made by unsubscribeToken, checking its signature in constant time. */
export function checkUnsubscribeToken(secret: string, token: string): TokenCheck {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  let userId: unknown;
  let kind: unknown;
  try {
    [userId, kind] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof userId !== 'string' || !reminderKinds.includes(kind as ReminderKind)) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = Buffer.from(signatureOf(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  return { ok: true, userId, kind: kind as ReminderKind };
}
