import { createHash, randomBytes } from 'node:crypto';

/*
 * Secret tokens in addresses that apps fetch signed out (the calendar feed, a cohort's feeds): the token is the
 * only key, so it is long and random, and only its SHA-256 is stored: a leaked database gives no working
 * addresses, and looking a token up by its hash leaves nothing to learn from response times.
 */

/** 32 random bytes in base64url. */
export const newSecretToken = () => randomBytes(32).toString('base64url');

/** What is stored for a token: its SHA-256 in hex. */
export const hashSecretToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whether a string could be a token made here; anything else is not looked up (and answers as a revoked one). */
export const looksLikeSecretToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
