import { z } from 'zod';
import { oneLineText } from '../../server/schemas.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth.js';

export const emailField = z
  .string({ error: 'Enter a valid e-mail address.' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'An e-mail address has at most 254 characters.' })
  .pipe(z.email({ error: 'Enter a valid e-mail address.' }));

export const passwordField = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.` })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` });

export const personName = oneLineText({ error: 'Enter your name.' })
  .trim()
  .min(1, { error: 'Enter your name.' })
  .max(100, { error: 'A name has at most 100 characters.' });

export const signUpBody = z.object({
  name: personName,
  email: emailField,
  password: passwordField,
  /** The token of an invitation link to this address, when signing up from one: it proves the address. */
  invitation: z.string().min(10).max(100).optional(),
});
export type SignUpBody = z.input<typeof signUpBody>;
export const signInBody = z.object({
  email: emailField,
  password: z.string({ error: 'Enter your password.' }).min(1, { error: 'Enter your password.' }).max(PASSWORD_MAX),
});
export type SignInBody = z.input<typeof signInBody>;
export const forgotPasswordBody = z.object({ email: emailField });
export type ForgotPasswordBody = z.input<typeof forgotPasswordBody>;
export const resetPasswordBody = z.object({
  token: z.string({ error: 'The reset link is incomplete.' }).min(1).max(200),
  password: passwordField,
});
export type ResetPasswordBody = z.input<typeof resetPasswordBody>;

export const verifyEmailBody = z.object({
  token: z.string({ error: 'The confirmation link is incomplete.' }).min(1).max(2000),
});
export type VerifyEmailBody = z.input<typeof verifyEmailBody>;

export const userView = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type UserView = z.infer<typeof userView>;

/** A session started: who is signed in now. */
export const userResponse = z.object({ user: userView });
export type UserResponse = z.infer<typeof userResponse>;
/** Nothing to show but words for people: "check your inbox". */
export const messageResponse = z.object({ message: z.string() });
export type MessageResponse = z.infer<typeof messageResponse>;
