import { APIError } from 'better-auth/api';
import type { AppContext } from '../../server/context.js';
import { AppError, conflict, validationError } from '../../server/errors.js';
import { myMemberships } from '../access/index.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { findUserByEmail, markEmailVerified } from './auth.repository.js';
import type { UserView } from './auth.schema.js';
import { isGuessablePassword, WEAK_PASSWORD_MESSAGE } from './password-strength.js';

export interface AuthResult {
  user: UserView;
  /** Set-Cookie headers better-auth produced; the route forwards them. */
  cookies: string[];
}

const view = (u: { id: string; name: string; email: string }): UserView => ({ id: u.id, name: u.name, email: u.email });

/** better-auth reports failures as APIError with its own codes; we speak ours. */
function translate(err: unknown, context: 'sign-up' | 'sign-in' | 'reset' | 'verify'): never {
  if (err instanceof APIError) {
    const code = (err.body as { code?: string } | undefined)?.code ?? '';
    if (context === 'sign-in' && code.includes('EMAIL_NOT_VERIFIED')) {
      throw new AppError(
        'forbidden',
        'Confirm your e-mail address first: we have just sent you a new link. Open it, and you are signed in.',
        { email: 'Not confirmed yet: look for our e-mail.' },
      );
    }
    if (context === 'verify' && (code.includes('TOKEN') || code.includes('USER_NOT_FOUND'))) {
      throw validationError({ token: 'This link is invalid or has expired. Sign in to get a new one.' });
    }
    if (context === 'sign-in' && failedPassword(err)) {
      throw validationError({ password: 'The e-mail address or password is not right.' }, 'Sign-in failed.');
    }
    if (context === 'reset' && code.includes('INVALID_TOKEN')) {
      throw validationError({ token: 'This reset link is invalid or has expired. Ask for a new one.' });
    }
    if (code.includes('PASSWORD_TOO')) throw validationError({ password: err.message });
  }
  throw err;
}

function setCookies(headers: Headers): string[] {
  return headers.getSetCookie();
}

/** Refuses a password found in the lists of common and leaked passwords, naming the field. */
async function requireStrongPassword(password: string, personal: string[] = []) {
  if (await isGuessablePassword(password, personal)) throw validationError({ password: WEAK_PASSWORD_MESSAGE });
}

/**
 * A check that a token a sign-up carries (an invitation link) was sent to this address. Invitations sit above
 * auth (they mark addresses confirmed and use its fields), so they hand their check in (`acceptAddressProof`,
 * wired in buildApp) instead of auth calling them.
 */
export type AddressProof = (ctx: AppContext, token: string, email: string) => Promise<boolean>;
const addressProofs = new Set<AddressProof>();

/** Lets sign-ups that carry a token this check accepts skip the confirmation mail. */
export function acceptAddressProof(proof: AddressProof): void {
  addressProofs.add(proof);
}

async function tokenProvesAddress(ctx: AppContext, token: string, email: string): Promise<boolean> {
  for (const proves of addressProofs) if (await proves(ctx, token, email)) return true;
  return false;
}

/** A sign-up's outcome: signed in at once, or (with SMTP) told to confirm the address from their inbox. */
export type SignUpResult = ({ signedIn: true } & AuthResult) | { signedIn: false };

/** Whether a sign-up failed because the address has an account (e.g. two sign-ups at once, one lost the race). */
async function lostToExistingAccount(ctx: AppContext, err: unknown, email: string): Promise<boolean> {
  if (!(err instanceof APIError)) return false;
  const code = (err.body as { code?: string } | undefined)?.code ?? '';
  if (code.includes('USER_ALREADY_EXISTS')) return true;
  return code.includes('FAILED_TO_CREATE_USER') && (await findUserByEmail(ctx.db, email)) !== undefined;
}

/**
 * Creates an account. Without SMTP it is signed in at once, and an address in use answers 409: only the
 * operator reads mail there, so nobody could be told otherwise (the route limits attempts per IP).
 * With SMTP the answer is the same for a new and an existing address: a confirmation link goes to a new
 * one, a note to the owner of an existing one. An `invitation` link sent to this address proves it: the
 * account is confirmed and signed in at once.
 */
export async function signUp(
  ctx: AppContext,
  input: { name: string; email: string; password: string; invitation?: string },
): Promise<SignUpResult> {
  await requireStrongPassword(input.password, [input.name, input.email]);
  const { name, email, password } = input;
  // Where an organisation requires single sign-on, accounts come from its provider, not from a password.
  const ruling = await passwordRule(ctx, email, undefined);
  if (ruling.kind === 'refused') throw ssoRequired(ruling.message);
  const create = () => ctx.auth.api.signUpEmail({ body: { name, email, password }, returnHeaders: true });
  let created: Awaited<ReturnType<typeof create>>;
  try {
    created = await create();
  } catch (err) {
    if (await lostToExistingAccount(ctx, err, email)) {
      if (ctx.mailer.mode === 'smtp') return { signedIn: false };
      throw conflict('An account with this e-mail address already exists. Sign in instead.', {
        email: 'An account with this e-mail address already exists.',
      });
    }
    translate(err, 'sign-up');
  }
  const { headers, response } = created;
  if (response.token) return { signedIn: true, user: view(response.user), cookies: setCookies(headers) };
  // Not signed in: the address awaits confirmation. A synthetic answer for an existing address has an id
  // no account has, so only a new account is confirmed here.
  if (
    input.invitation &&
    (await tokenProvesAddress(ctx, input.invitation, email)) &&
    (await markEmailVerified(ctx.db, response.user.id, email))
  ) {
    return { signedIn: true, ...(await signIn(ctx, { email, password }, new Headers())) };
  }
  return { signedIn: false };
}

/**
 * What single sign-on says of a password sign-in to an address (handed in by buildApp, as sso sits above auth):
 * `free` — nothing to say; `recovery` — the address's domain must sign in with its organisation's provider, but
 * this person is an owner of that organisation, whose password is their way in when the provider fails;
 * `refused` — they must use "Sign in with your organisation".
 */
export type PasswordRuling =
  | { kind: 'free' }
  | { kind: 'recovery'; orgId: string }
  | { kind: 'refused'; orgId: string; message: string };
export type PasswordRule = (ctx: AppContext, email: string, userId: string | undefined) => Promise<PasswordRuling>;
let passwordRule: PasswordRule = async () => ({ kind: 'free' });

/** The refusal says how to sign in; the address field, briefly, why. */
const ssoRequired = (message: string) =>
  new AppError('forbidden', message, { email: 'This address signs in with single sign-on.' });

/** Lets single sign-on refuse password sign-ins where an organisation requires its provider. */
export function ruleOnPasswords(rule: PasswordRule): void {
  passwordRule = rule;
}

/**
 * Checks the password and starts a session. Where an organisation requires single sign-on for the address's
 * domain, only its owners may use a password (recorded as a recovery sign-in); everyone else is told how to sign
 * in, before their password is looked at, so the answer says nothing about it.
 */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string },
  requestHeaders: Headers,
  address: string | null = null,
) {
  const known = await findUserByEmail(ctx.db, input.email);
  const ruling = await passwordRule(ctx, input.email, known?.id);
  if (ruling.kind === 'refused') {
    if (known) {
      const by = { userId: known.id, name: known.name, email: known.email, address };
      await recordAudit(ctx.db, by, { orgId: ruling.orgId, action: 'auth.password_refused_sso' });
    }
    throw ssoRequired(ruling.message);
  }
  try {
    const { headers, response } = await ctx.auth.api.signInEmail({
      body: { ...input, rememberMe: true },
      headers: requestHeaders,
      returnHeaders: true,
    });
    const { id, name, email } = response.user;
    await auditSignIn(ctx, 'auth.signed_in', { userId: id, name, email, address });
    if (ruling.kind === 'recovery') {
      const by = { userId: id, name, email, address };
      await recordAudit(ctx.db, by, { orgId: ruling.orgId, action: 'auth.recovery_sign_in' });
    }
    return { user: view(response.user), cookies: setCookies(headers) } satisfies AuthResult;
  } catch (err) {
    if (err instanceof APIError && failedPassword(err)) {
      if (known) {
        const { id, name, email } = known;
        await auditSignIn(ctx, 'auth.sign_in_failed', { userId: id, name, email, address });
      }
    }
    translate(err, 'sign-in');
  }
}

function failedPassword(err: APIError): boolean {
  const code = (err.body as { code?: string } | undefined)?.code ?? '';
  return code.includes('INVALID_EMAIL_OR_PASSWORD') || err.statusCode === 401;
}

/**
 * A sign-in, or a wrong password for an existing account, goes in the audit log of every organisation the
 * person belongs to: a password is not tied to one of them. An unknown address is recorded nowhere.
 */
async function auditSignIn(ctx: AppContext, action: 'auth.signed_in' | 'auth.sign_in_failed', by: AuditActor) {
  if (!by.userId) return;
  const orgs = await myMemberships(ctx, by.userId);
  await recordAudit(
    ctx.db,
    by,
    orgs.map((m) => ({ orgId: m.organizationId, action })),
  );
}

/** Confirms the address from the link in a verification mail, and signs the person in (the cookies). */
export async function verifyEmail(ctx: AppContext, token: string, requestHeaders: Headers): Promise<string[]> {
  try {
    const { headers } = await ctx.auth.api.verifyEmail({
      query: { token },
      headers: requestHeaders,
      returnHeaders: true,
    });
    return setCookies(headers);
  } catch (err) {
    translate(err, 'verify');
  }
}

/** Ends the current session; signing out without one is not an error. */
/**
 * Where a person must go next to sign out of the service that signed them in (their organisation's provider), if
 * anywhere: handed in by buildApp, as sso sits above auth. Asked before the session ends (what it needs goes
 * with the session).
 */
export type ProviderSignOut = (ctx: AppContext, sessionId: string) => Promise<string | null>;
let providerSignOut: ProviderSignOut = async () => null;

/** Lets single sign-on end the provider's session too when a person signs out of Waymark. */
export function signOutAtProviderWith(step: ProviderSignOut): void {
  providerSignOut = step;
}

/**
 * Ends this browser's session; answers its cookies and, for a session begun at a provider that can end its
 * own, the address that does so (the browser goes there next). A provider that cannot be asked is no reason
 * to keep the person signed in to Waymark.
 */
export async function signOut(
  ctx: AppContext,
  requestHeaders: Headers,
): Promise<{ cookies: string[]; providerSignOutUrl: string | null }> {
  const current = await ctx.auth.api.getSession({ headers: requestHeaders }).catch(() => null);
  const providerSignOutUrl = current ? await providerSignOut(ctx, current.session.id).catch(() => null) : null;
  try {
    const { headers } = await ctx.auth.api.signOut({ headers: requestHeaders, returnHeaders: true });
    return { cookies: setCookies(headers), providerSignOutUrl };
  } catch (err) {
    if (err instanceof APIError) return { cookies: [], providerSignOutUrl: null };
    throw err;
  }
}

/**
 * Sends a reset link if the address has an account. The answer is the same either way, so the form
 * cannot be used to find out who has an account.
 */
export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  await ctx.auth.api.requestPasswordReset({ body: { email, redirectTo: '/reset-password' } });
}

/** Sets a new password from a reset link; every session of the account is signed out. */
export async function resetPassword(ctx: AppContext, input: { token: string; password: string }): Promise<void> {
  await requireStrongPassword(input.password);
  try {
    await ctx.auth.api.resetPassword({ body: { token: input.token, newPassword: input.password } });
  } catch (err) {
    translate(err, 'reset');
  }
}
