import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import { type Actor, myMemberships, requireAccess, requireUser } from '../access/index.js';
import { type AuditEntry, auditActorOf, recordAudit } from '../audit/index.js';
import { ORGANISATION_SCOPES, PERSONAL_SCOPES } from './token-scopes.js';
import {
  findLiveToken,
  findToken,
  insertToken,
  organisationTokensOf,
  personalTokensOf,
  revokeToken,
  type TokenRow,
  touchToken,
} from './tokens.repository.js';
import type { MadeToken, TokenList, TokenView } from './tokens.schema.js';

/*
 * API tokens: made by a signed-in person (never by another token), shown once, kept as a SHA-256, revocable,
 * expiring. A request with `Authorization: Bearer <token>` acts as the token's maker, narrowed to its scopes
 * (token-guard.ts) and, for an organisation's token, to that organisation (the gate's `onlyOrg`).
 */

/** Recognisable by secret scanners and people: `wmp_` personal, `wmo_` organisation, then 32 random bytes. */
const PREFIX = { personal: 'wmp_', organisation: 'wmo_' } as const;
export const looksLikeToken = (value: string) => /^wm[po]_[A-Za-z0-9_-]{43}$/.test(value);

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

const choices = (scopes: Record<string, string>) => Object.entries(scopes).map(([code, label]) => ({ code, label }));

function viewOf(row: TokenRow, madeBy: string | null = null): TokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedAddress: row.lastUsedAddress,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    madeBy,
  };
}

/** Refuses a token acting for itself: tokens are made and revoked by people signed in. */
function requireSession(actor: Actor) {
  const user = requireUser(actor);
  if (user.token) throw notFound('Token');
  return user;
}

interface TokenInput {
  name: string;
  scopes: string[];
  expiresInDays: number;
}

function newSecret(kind: keyof typeof PREFIX) {
  const secret = `${PREFIX[kind]}${randomBytes(32).toString('base64url')}`;
  return { secret, tokenHash: hashOf(secret), prefix: secret.slice(0, 10) };
}

/** Personal tokens' events go to each organisation of the person, as sign-ins do. */
async function personalAudit(ctx: AppContext, userId: string, entry: Omit<AuditEntry, 'orgId'>) {
  return (await myMemberships(ctx, userId)).map((m) => ({ ...entry, orgId: m.organizationId }));
}

export async function listPersonalTokens(ctx: AppContext, actor: Actor): Promise<TokenList> {
  const user = requireSession(actor);
  const rows = await personalTokensOf(ctx.db, user.userId);
  return { tokens: rows.map((r) => viewOf(r)), scopes: choices(PERSONAL_SCOPES) };
}

export async function makePersonalToken(ctx: AppContext, actor: Actor, input: TokenInput): Promise<MadeToken> {
  const user = requireSession(actor);
  const { secret, tokenHash, prefix } = newSecret('personal');
  return inTransaction(ctx, async (inTx) => {
    const row = await insertToken(inTx.db, {
      id: randomUUID(),
      userId: user.userId,
      name: input.name,
      tokenHash,
      prefix,
      scopes: input.scopes,
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    });
    const entry = { action: 'token.created', target: { kind: 'token', id: row.id, name: row.name } } as const;
    await recordAudit(inTx.db, auditActorOf(actor), await personalAudit(inTx, user.userId, entry));
    return { token: viewOf(row), secret };
  });
}

export async function revokePersonalToken(ctx: AppContext, actor: Actor, tokenId: string): Promise<void> {
  const user = requireSession(actor);
  const row = await findToken(ctx.db, tokenId);
  if (!row || row.userId !== user.userId || row.organizationId) throw notFound('Token');
  await inTransaction(ctx, async (inTx) => {
    if (await revokeToken(inTx.db, tokenId, new Date())) {
      const entry = { action: 'token.revoked', target: { kind: 'token', id: row.id, name: row.name } } as const;
      await recordAudit(inTx.db, auditActorOf(actor), await personalAudit(inTx, user.userId, entry));
    }
  });
}

export async function listOrganisationTokens(ctx: AppContext, actor: Actor, orgId: string): Promise<TokenList> {
  requireSession(actor);
  await requireAccess(ctx, actor, 'token:manage-org', { org: orgId });
  const rows = await organisationTokensOf(ctx.db, orgId);
  return { tokens: rows.map((r) => viewOf(r.token, r.makerName)), scopes: choices(ORGANISATION_SCOPES) };
}

export async function makeOrganisationToken(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: TokenInput,
): Promise<MadeToken> {
  const user = requireSession(actor);
  const { secret, tokenHash, prefix } = newSecret('organisation');
  return inTransaction(ctx, async (inTx) => {
    await requireAccess(inTx, actor, 'token:manage-org', { org: orgId });
    const row = await insertToken(inTx.db, {
      id: randomUUID(),
      userId: user.userId,
      organizationId: orgId,
      name: input.name,
      tokenHash,
      prefix,
      scopes: input.scopes,
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    });
    await recordAudit(inTx.db, auditActorOf(actor), {
      orgId,
      action: 'token.created',
      target: { kind: 'token', id: row.id, name: row.name },
      details: { scopes: input.scopes.join(' '), organisation_token: true },
    });
    return { token: viewOf(row, user.name), secret };
  });
}

export async function revokeOrganisationToken(ctx: AppContext, actor: Actor, orgId: string, tokenId: string) {
  requireSession(actor);
  await inTransaction(ctx, async (inTx) => {
    await requireAccess(inTx, actor, 'token:manage-org', { org: orgId });
    const row = await findToken(inTx.db, tokenId);
    if (!row || row.organizationId !== orgId) throw notFound('Token');
    if (await revokeToken(inTx.db, tokenId, new Date())) {
      await recordAudit(inTx.db, auditActorOf(actor), {
        orgId,
        action: 'token.revoked',
        target: { kind: 'token', id: row.id, name: row.name },
        details: { organisation_token: true },
      });
    }
  });
}

/**
 * The actor a bearer token stands for, or anonymous when it is unknown, revoked or expired (the route then
 * answers 401 as for no sign-in). Read from the database on every request, so a revocation holds on every
 * instance at once.
 */
export async function actorFromToken(ctx: AppContext, secret: string, address: string): Promise<Actor> {
  if (!looksLikeToken(secret)) return { kind: 'anonymous' };
  const now = new Date();
  const found = await findLiveToken(ctx.db, hashOf(secret), now);
  if (!found) return { kind: 'anonymous' };
  const { token } = found;
  await touchToken(ctx.db, token.id, now, address);
  return {
    kind: 'user',
    userId: token.userId,
    email: found.email,
    name: found.name,
    sessionId: `token:${token.id}`,
    address,
    token: { id: token.id, scopes: token.scopes },
    ...(token.organizationId && { onlyOrg: token.organizationId }),
  };
}
