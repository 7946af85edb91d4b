import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import {
  countScimGroups,
  deleteScimGroup,
  findScimGroup,
  insertScimGroup,
  listScimGroups,
  membersOfGroups,
  replaceGroupMembers,
  type ScimGroupRow,
  updateScimGroup,
  usersAmong,
} from './scim.repository.js';
import { badRequest, ScimError, scimNotFound } from './scim-errors.js';
import { groupSchema } from './scim-filter.js';
import { checkIfMatch, filterAndPage, type ListQuery, listResponse, pageOf, pinned } from './scim-list.js';
import { applyPatch } from './scim-patch.js';
import { type GroupMember, groupDoc, renderGroup } from './scim-render.js';
import { type Doc, project, readResource } from './scim-resources.js';
import { applyGroupMapping } from './scim-sync.js';
import { directoryOf, scimBase } from './scim-users.service.js';

/*
 * SCIM Groups of an organisation: what a group sets on its members (department, team or role) follows the
 * organisation's mapping (scim-sync.ts), applied to everyone who joined or left it in the same transaction.
 */

async function rendered(ctx: AppContext, rows: ScimGroupRow[]) {
  const members = await membersOfGroups(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    renderGroup(
      scimBase(ctx),
      row,
      members.filter((m) => m.groupId === row.id),
    ),
  );
}

/** Kept attributes as sent; members that are not users of the organisation are not kept. */
async function columnsOf(ctx: AppContext, orgId: string, doc: Doc) {
  const { displayName, externalId, members } = doc;
  if (typeof displayName !== 'string' || displayName.trim() === '') {
    throw badRequest('invalidValue', 'displayName is required.');
  }
  const given = ((members as Doc[] | undefined) ?? []).filter((m) => typeof m.value === 'string');
  const known = new Set(
    await usersAmong(
      ctx.db,
      orgId,
      given.map((m) => m.value as string),
    ),
  );
  const kept = new Map<string, GroupMember>();
  for (const m of given) {
    const value = m.value as string;
    if (known.has(value)) kept.set(value, { value, display: typeof m.display === 'string' ? m.display : null });
  }
  return {
    columns: {
      displayName: displayName.trim().slice(0, 200),
      externalId: typeof externalId === 'string' ? externalId : null,
    },
    members: [...kept.values()],
  };
}

export async function listGroups(ctx: AppContext, actor: Actor, query: ListQuery) {
  const orgId = await directoryOf(ctx, actor);
  const page = pageOf(groupSchema, query);
  if (!page.filter) {
    const [rows, total] = await Promise.all([
      listScimGroups(ctx.db, orgId, {}, { offset: page.offset, limit: page.limit }),
      countScimGroups(ctx.db, orgId),
    ]);
    return listResponse(groupSchema, page.limit === 0 ? [] : await rendered(ctx, rows), total, page, query);
  }
  const narrow = pinned(page.filter, ['displayName', 'externalId', 'id']);
  const found = filterAndPage(await rendered(ctx, await listScimGroups(ctx.db, orgId, narrow)), page);
  return listResponse(groupSchema, found.docs, found.total, page, query);
}

async function loadGroup(ctx: AppContext, orgId: string, id: string) {
  const row = await findScimGroup(ctx.db, orgId, id);
  if (!row) throw scimNotFound('Group', id);
  return row;
}

export async function getGroup(
  ctx: AppContext,
  actor: Actor,
  id: string,
  query: Pick<ListQuery, 'attributes' | 'excludedAttributes'>,
) {
  const orgId = await directoryOf(ctx, actor);
  const row = await loadGroup(ctx, orgId, id);
  const [doc] = await rendered(ctx, [row]);
  return { doc: project(groupSchema, doc as Doc, query), version: row.version };
}

export async function createGroup(ctx: AppContext, actor: Actor, body: unknown) {
  const orgId = await directoryOf(ctx, actor);
  const doc = readResource(groupSchema, body);
  const row = await inTransaction(ctx, async (tx) => {
    const { columns, members } = await columnsOf(tx, orgId, doc);
    const saved = await insertScimGroup(tx.db, { id: randomUUID(), organizationId: orgId, ...columns });
    await replaceGroupMembers(tx.db, saved.id, members);
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'scim.group_created',
      target: { kind: 'group', id: saved.id, name: saved.displayName },
      details: { members: members.length },
    });
    await applyGroupMapping(
      tx,
      actor,
      orgId,
      members.map((m) => m.value),
    );
    return saved;
  });
  const [rendition] = await rendered(ctx, [row]);
  return { doc: rendition as Doc, version: row.version };
}

async function saveGroup(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  id: string,
  ifMatch: string | undefined,
  next: (row: ScimGroupRow, members: GroupMember[]) => Doc,
) {
  return inTransaction(ctx, async (tx) => {
    const row = await loadGroup(tx, orgId, id);
    checkIfMatch(ifMatch, row.version);
    const before = await membersOfGroups(tx.db, [id]);
    const { columns, members } = await columnsOf(tx, orgId, next(row, before));
    const saved = await updateScimGroup(tx.db, id, row.version, columns);
    if (!saved) throw new ScimError(412, 'The group changed meanwhile. Read it again and retry.');
    await replaceGroupMembers(tx.db, id, members);
    const had = new Set(before.map((m) => m.value));
    const has = new Set(members.map((m) => m.value));
    const joined = [...has].filter((v) => !had.has(v));
    const left = [...had].filter((v) => !has.has(v));
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'scim.group_updated',
      target: { kind: 'group', id, name: saved.displayName },
      details: {
        joined: joined.length,
        left: left.length,
        ...(saved.displayName !== row.displayName && { renamed_from: row.displayName }),
      },
    });
    // A renamed group changes what it sets on everyone in it; otherwise only those who came or went.
    const affected = saved.displayName !== row.displayName ? [...had, ...has] : [...joined, ...left];
    await applyGroupMapping(tx, actor, orgId, affected);
    return saved;
  });
}

export async function replaceGroup(ctx: AppContext, actor: Actor, id: string, body: unknown, ifMatch?: string) {
  const orgId = await directoryOf(ctx, actor);
  const doc = readResource(groupSchema, body);
  const row = await saveGroup(ctx, actor, orgId, id, ifMatch, () => doc);
  const [rendition] = await rendered(ctx, [row]);
  return { doc: rendition as Doc, version: row.version };
}

export async function patchGroup(ctx: AppContext, actor: Actor, id: string, body: unknown, ifMatch?: string) {
  const orgId = await directoryOf(ctx, actor);
  const row = await saveGroup(ctx, actor, orgId, id, ifMatch, (current, members) =>
    applyPatch(groupSchema, groupDoc(current, members), body),
  );
  return { version: row.version };
}

export async function deleteGroup(ctx: AppContext, actor: Actor, id: string, ifMatch?: string) {
  const orgId = await directoryOf(ctx, actor);
  await inTransaction(ctx, async (tx) => {
    const row = await loadGroup(tx, orgId, id);
    checkIfMatch(ifMatch, row.version);
    const members = await membersOfGroups(tx.db, [id]);
    await deleteScimGroup(tx.db, id);
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'scim.group_removed',
      target: { kind: 'group', id, name: row.displayName },
    });
    await applyGroupMapping(
      tx,
      actor,
      orgId,
      members.map((m) => m.value),
    );
  });
}
