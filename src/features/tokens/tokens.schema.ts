import { z } from 'zod';
import { idParam, oneLineText } from '../../server/schemas.js';
import { organisationScopeCodes, personalScopeCodes } from './token-scopes.js';

export const MAX_TOKEN_DAYS = 365;

const expiresInDays = z
  .number({ error: 'Give a number of days.' })
  .int({ error: 'Give a whole number of days.' })
  .min(1, { error: 'A token lasts at least 1 day.' })
  .max(MAX_TOKEN_DAYS, { error: `A token lasts at most ${MAX_TOKEN_DAYS} days: make a new one when it ends.` });

const tokenName = oneLineText({ error: 'Name the token after what uses it.' })
  .trim()
  .min(1, { error: 'Name the token after what uses it.' })
  .max(100, { error: 'Keep the name under 100 characters.' });

const scopeList = <T extends [string, ...string[]]>(codes: T) =>
  z
    .array(z.enum(codes, { error: `Choose from: ${codes.join(', ')}.` }))
    .min(1, { error: 'Choose at least one thing the token may do.' })
    .max(codes.length)
    .transform((list) => [...new Set(list)]);

export const personalTokenBody = z.object({
  name: tokenName,
  scopes: scopeList(personalScopeCodes),
  expiresInDays,
});
export const organisationTokenBody = z.object({
  name: tokenName,
  scopes: scopeList(organisationScopeCodes),
  expiresInDays,
});

export const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  lastUsedAddress: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Who made it (organisation tokens). */
  madeBy: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenView>;

export const scopeChoice = z.object({ code: z.string(), label: z.string() });
export const tokenList = z.object({ tokens: z.array(tokenView), scopes: z.array(scopeChoice) });
export type TokenList = z.infer<typeof tokenList>;

/** The secret is in this answer only: it is never shown again. */
export const madeToken = z.object({ token: tokenView, secret: z.string() });
export type MadeToken = z.infer<typeof madeToken>;

export const tokenParams = z.object({ tokenId: idParam });
export const orgTokenParams = z.object({ orgId: idParam, tokenId: idParam });
