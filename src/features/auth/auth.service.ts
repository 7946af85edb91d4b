import { APIError } from 'better-auth/api';
import type { AppContext } from '../../server/context.js';
import { conflict, validationError } from '../../server/errors.js';
import type { UserView } from './auth.schema.js';

export interface AuthResult {
  user: UserView;
  /** Set-Cookie headers better-auth produced; the route forwards them. */
  cookies: string[];
}

const view = (u: { id: string; name: string; email: string }): UserView => ({ id: u.id, name: u.name, email: u.email });

/** better-auth reports failures as APIError with its own codes; we speak ours. */
function translate(err: unknown, context: 'sign-up' | 'sign-in' | 'reset'): never {
  if (err instanceof APIError) {
    const code = (err.body as { code?: string } | undefined)?.code ?? '';
    if (code.includes('USER_ALREADY_EXISTS')) {
      throw conflict('An account with this e-mail address already exists. Sign in instead.', {
        email: 'An account with this e-mail address already exists.',
      });
    }
    if (context === 'sign-in' && (code.includes('INVALID_EMAIL_OR_PASSWORD') || err.statusCode === 401)) {
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

/** Creates an account and signs it in. */
export async function signUp(ctx: AppContext, input: { name: string; email: string; password: string }) {
  try {
    const { headers, response } = await ctx.auth.api.signUpEmail({ body: input, returnHeaders: true });
    return { user: view(response.user), cookies: setCookies(headers) } satisfies AuthResult;
  } catch (err) {
    translate(err, 'sign-up');
  }
}

/** Checks the password and starts a session. */
export async function signIn(ctx: AppContext, input: { email: string; password: string }, requestHeaders: Headers) {
  try {
    const { headers, response } = await ctx.auth.api.signInEmail({
      body: { ...input, rememberMe: true },
      headers: requestHeaders,
      returnHeaders: true,
    });
    return { user: view(response.user), cookies: setCookies(headers) } satisfies AuthResult;
  } catch (err) {
    translate(err, 'sign-in');
  }
}

/** Ends the current session; signing out without one is not an error. */
export async function signOut(ctx: AppContext, requestHeaders: Headers): Promise<string[]> {
  try {
    const { headers } = await ctx.auth.api.signOut({ headers: requestHeaders, returnHeaders: true });
    return setCookies(headers);
  } catch (err) {
    if (err instanceof APIError) return [];
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
  try {
    await ctx.auth.api.resetPassword({ body: { token: input.token, newPassword: input.password } });
  } catch (err) {
    translate(err, 'reset');
  }
}
