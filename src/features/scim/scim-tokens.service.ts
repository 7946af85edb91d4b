import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import { type Actor, requireAccess, requireUser } from '../access/index.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import {
  findLiveScimToken,
  findScimTokenOfOrg,
  groupMappingOf,
  insertScimToken,
  revokeScimToken,
  type ScimTokenRow,
  scimTokensOf,
  setGroupMapping,
  touchScimToken,
} from './scim.repository.js';
import type { MadeScimToken, ScimSettings, ScimTokenView, scimMappingBody } from './scim.schema.js';
import { reapplyGroupMapping } from './scim-sync.js';
import { scimBase } from './scim-users.service.js';

/*
 * The organisation's SCIM tokens (separate from API tokens: they act as the organisation's directory, not as a
 * person) and what its groups set. Owners only. A token is shown once and kept as a SHA-256.
 */

const PREFIX = 'wms_';
const looksLikeScimToken = (value: string) => /^wms_[A-Za-z0-9_-]{43}$/.test(value);
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

function viewOf(row: ScimTokenRow, madeBy: string | null): ScimTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    madeBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedAddress: row.lastUsedAddress,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Only a person signed in sets provisioning up: never an API token, never the directory itself. */
function requireSession(actor: Actor) {
  const user = requireUser(actor);
  if (user.token) throw notFound('Organisation');
  return user;
}

export async function readScimSettings(ctx: AppContext, actor: Actor, orgId: string): Promise<ScimSettings> {
  requireSession(actor);
  await requireAccess(ctx, actor, 'scim:configure', { org: orgId });
  const [tokens, setting] = await Promise.all([scimTokensOf(ctx.db, orgId), groupMappingOf(ctx.db, orgId)]);
  return {
    baseUrl: scimBase(ctx),
    groupMapping: setting?.mapping ?? 'departments',
    adminGroup: setting?.adminGroup ?? null,
    tokens: tokens.map((t) => viewOf(t.token, t.makerName)),
  };
}

export async function makeScimToken(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: { name: string },
): Promise<MadeScimToken> {
  const user = requireSession(actor);
  const secret = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return inTransaction(ctx, async (tx) => {
    await requireAccess(tx, actor, 'scim:configure', { org: orgId });
    const row = await insertScimToken(tx.db, {
      id: randomUUID(),
      organizationId: orgId,
      name: input.name,
      tokenHash: hashOf(secret),
      prefix: secret.slice(0, 10),
      madeBy: user.userId,
    });
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'scim.token_created',
      target: { kind: 'scim_token', id: row.id, name: row.name },
    });
    return { token: viewOf(row, user.name), secret };
  });
}

export async function revokeOrgScimToken(ctx: AppContext, actor: Actor, orgId: string, tokenId: string) {
  requireSession(actor);
  await inTransaction(ctx, async (tx) => {
    await requireAccess(tx, actor, 'scim:configure', { org: orgId });
    if (!(await findScimTokenOfOrg(tx.db, orgId, tokenId))) throw notFound('Token');
    const revoked = await revokeScimToken(tx.db, orgId, tokenId, new Date());
    if (revoked) {
      await recordAudit(tx.db, auditActorOf(actor), {
        orgId,
        action: 'scim.token_revoked',
        target: { kind: 'scim_token', id: revoked.id, name: revoked.name },
      });
    }
  });
}

export async function setScimMapping(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: typeof scimMappingBody._output,
): Promise<ScimSettings & { membersChanged: number }> {
  requireSession(actor);
  const membersChanged = await inTransaction(ctx, async (tx) => {
    await requireAccess(tx, actor, 'scim:configure', { org: orgId });
    const before = await groupMappingOf(tx.db, orgId);
    const adminGroup = input.groupMapping === 'roles' ? input.adminGroup || null : null;
    await setGroupMapping(tx.db, orgId, input.groupMapping, adminGroup);
    // Applied now to everyone the directory provisioned, from the groups it last sent: waiting for its next
    // sync would leave members with what the old mapping set (Okta sends groups only when they change).
    const changed = await reapplyGroupMapping(tx, actor, orgId);
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'scim.mapping_changed',
      details: {
        from: before?.mapping ?? null,
        to: input.groupMapping,
        admin_group: adminGroup,
        members_changed: changed,
      },
    });
    return changed;
  });
  return { ...(await readScimSettings(ctx, actor, orgId)), membersChanged };
}

/**
 * The directory a SCIM bearer token stands for, or anonymous when it is unknown or revoked (401). Read from the
 * database on every request, so a revocation holds on every instance at once.
 */
export async function actorFromScimToken(ctx: AppContext, secret: string, address: string): Promise<Actor> {
  if (!looksLikeScimToken(secret)) return { kind: 'anonymous' };
  const token = await findLiveScimToken(ctx.db, hashOf(secret));
  if (!token) return { kind: 'anonymous' };
  // Its last use is written at most once a minute: a directory's sync does not write on every request.
  const now = new Date();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await touchScimToken(ctx.db, token.id, now, address);
  }
  return { kind: 'directory', orgId: token.organizationId, tokenId: token.id, tokenName: token.name, address };
}
