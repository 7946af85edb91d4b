import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { inTransaction } from '../../server/transaction.js';
import { type Actor, requireAccess } from '../access/index.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { addedByDirectoryMail } from '../mail/index.js';
import { removeMemberByDirectory, sendRemovalMail } from '../members/index.js';
import {
  countScimUsers,
  deleteScimUser,
  findScimUser,
  findScimUserByName,
  groupsOfUsers,
  insertScimUser,
  listScimUsers,
  membershipById,
  orgNameOf,
  type ScimUserRow,
  updateScimUser,
} from './scim.repository.js';
import { badRequest, ScimError, scimNotFound } from './scim-errors.js';
import { userSchema } from './scim-filter.js';
import { checkIfMatch, filterAndPage, type ListQuery, listResponse, pageOf, pinned } from './scim-list.js';
import { applyPatch } from './scim-patch.js';
import { renderUser, userDoc } from './scim-render.js';
import { type Doc, project, readResource } from './scim-resources.js';
import { applyGroupMapping, departmentOf, linkMembership, syncMembership } from './scim-sync.js';

/*
 * SCIM Users of an organisation (RFC 7644 §3): each stands for a person's membership (scim-sync.ts). Every call
 * starts at the gate with the directory's own rule; an id of another organisation answers 404 like a missing one.
 */

/** The organisation the directory acts for, once the gate agrees. */
export async function directoryOf(ctx: AppContext, actor: Actor): Promise<string> {
  const orgId = actor.kind === 'directory' ? actor.orgId : '';
  await requireAccess(ctx, actor, 'scim:provision', { org: orgId });
  return orgId;
}

export const scimBase = (ctx: AppContext) => `${ctx.config.baseUrl}/scim/v2`;

async function rendered(ctx: AppContext, rows: ScimUserRow[]) {
  const groups = await groupsOfUsers(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    renderUser(
      scimBase(ctx),
      row,
      groups.filter((g) => g.userId === row.id),
    ),
  );
}

/** Kept attributes as sent, split into columns; a user without a userName is a 400. */
function columnsOf(doc: Doc) {
  const { userName, externalId, active, ...data } = doc;
  if (typeof userName !== 'string' || userName.trim() === '') {
    throw badRequest('invalidValue', 'userName is required.');
  }
  if (userName.length > 300) throw badRequest('invalidValue', 'userName is longer than 300 characters.');
  return {
    userName: userName.trim(),
    externalId: typeof externalId === 'string' ? externalId : null,
    active: active !== false,
    data,
  };
}

const taken = (userName: string) =>
  new ScimError(409, `A user with userName "${userName}" exists already.`, 'uniqueness');

export async function listUsers(ctx: AppContext, actor: Actor, query: ListQuery) {
  const orgId = await directoryOf(ctx, actor);
  const page = pageOf(userSchema, query);
  if (!page.filter) {
    const [rows, total] = await Promise.all([
      listScimUsers(ctx.db, orgId, {}, { offset: page.offset, limit: page.limit }),
      countScimUsers(ctx.db, orgId),
    ]);
    return listResponse(userSchema, page.limit === 0 ? [] : await rendered(ctx, rows), total, page, query);
  }
  const narrow = pinned(page.filter, ['userName', 'externalId', 'id']);
  const found = filterAndPage(await rendered(ctx, await listScimUsers(ctx.db, orgId, narrow)), page);
  return listResponse(userSchema, found.docs, found.total, page, query);
}

async function loadUser(ctx: AppContext, orgId: string, id: string) {
  const row = await findScimUser(ctx.db, orgId, id);
  if (!row) throw scimNotFound('User', id);
  return row;
}

export async function getUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  query: Pick<ListQuery, 'attributes' | 'excludedAttributes'>,
) {
  const orgId = await directoryOf(ctx, actor);
  const row = await loadUser(ctx, orgId, id);
  const [doc] = await rendered(ctx, [row]);
  return { doc: project(userSchema, doc as Doc, query), version: row.version };
}

export async function createUser(ctx: AppContext, actor: Actor, body: unknown) {
  const orgId = await directoryOf(ctx, actor);
  const doc = readResource(userSchema, body);
  const columns = columnsOf(doc);
  const { row, welcome } = await inTransaction(ctx, async (tx) => {
    if (await findScimUserByName(tx.db, orgId, columns.userName)) throw taken(columns.userName);
    const linked = await linkMembership(tx, orgId, doc);
    const member = linked?.member;
    const saved = await insertScimUser(tx.db, {
      id: randomUUID(),
      organizationId: orgId,
      membershipId: member?.id ?? null,
      ...columns,
    });
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'scim.user_provisioned',
      target: { kind: 'person', id: member?.userId ?? null, name: saved.userName },
      details: { linked: member !== undefined, active: saved.active },
    });
    await syncMembership(tx, actor, saved, member);
    await applyGroupMapping(tx, actor, orgId, [saved.id]);
    // Someone who just joined, and may take part, is told where to sign in (not a member taken over).
    const told = linked?.joined && saved.active ? linked.person : undefined;
    return {
      row: saved,
      welcome:
        told &&
        addedByDirectoryMail(told.email, told.name, await orgNameOf(tx.db, orgId), `${ctx.config.baseUrl}/sign-in`),
    };
  });
  if (welcome) await sendAfterCommit(ctx, welcome);
  const [rendition] = await rendered(ctx, [row]);
  return { doc: rendition as Doc, version: row.version };
}

/** After the commit: the person is provisioned even if the mail server is away (the directory must not retry). */
async function sendAfterCommit(ctx: AppContext, mail: ReturnType<typeof addedByDirectoryMail>) {
  try {
    await ctx.mailer.send(mail);
  } catch (err) {
    ctx.log.error({ err }, 'the e-mail telling a provisioned person where to sign in could not be sent');
  }
}

/** Saves a user's new attributes (PUT or PATCH) and what they change on the membership, in one transaction. */
async function saveUser(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  id: string,
  ifMatch: string | undefined,
  next: (row: ScimUserRow) => Doc,
) {
  return inTransaction(ctx, async (tx) => {
    const row = await loadUser(tx, orgId, id);
    checkIfMatch(ifMatch, row.version);
    const columns = columnsOf(next(row));
    if (
      columns.userName.toLowerCase() !== row.userName.toLowerCase() &&
      (await findScimUserByName(tx.db, orgId, columns.userName, id))
    ) {
      throw taken(columns.userName);
    }
    const saved = await updateScimUser(tx.db, id, row.version, columns);
    if (!saved) throw new ScimError(412, 'The resource changed meanwhile. Read it again and retry.');
    const member = saved.membershipId ? await membershipById(tx.db, saved.membershipId) : undefined;
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'scim.user_updated',
      target: { kind: 'person', id: member?.userId ?? null, name: saved.userName },
    });
    await syncMembership(tx, actor, saved, member);
    // Groups change through /Groups; of a user's own attributes only the enterprise department counts.
    if (departmentOf(saved.data) !== departmentOf(row.data)) await applyGroupMapping(tx, actor, orgId, [saved.id]);
    return saved;
  });
}

export async function replaceUser(ctx: AppContext, actor: Actor, id: string, body: unknown, ifMatch?: string) {
  const orgId = await directoryOf(ctx, actor);
  const doc = readResource(userSchema, body);
  const row = await saveUser(ctx, actor, orgId, id, ifMatch, () => doc);
  const [rendition] = await rendered(ctx, [row]);
  return { doc: rendition as Doc, version: row.version };
}

export async function patchUser(ctx: AppContext, actor: Actor, id: string, body: unknown, ifMatch?: string) {
  const orgId = await directoryOf(ctx, actor);
  const row = await saveUser(ctx, actor, orgId, id, ifMatch, (current) =>
    applyPatch(userSchema, userDoc(current), body),
  );
  return { version: row.version };
}

/** DELETE: the user goes, and with it their membership (their data archived for them, as for any removal). */
export async function deleteUser(ctx: AppContext, actor: Actor, id: string, ifMatch?: string) {
  const orgId = await directoryOf(ctx, actor);
  const mail = await inTransaction(ctx, async (tx) => {
    const row = await loadUser(tx, orgId, id);
    checkIfMatch(ifMatch, row.version);
    const member = row.membershipId ? await membershipById(tx.db, row.membershipId) : undefined;
    await deleteScimUser(tx.db, row.id);
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'scim.user_removed',
      target: { kind: 'person', id: member?.userId ?? null, name: row.userName },
    });
    if (!member) return undefined;
    try {
      return await removeMemberByDirectory(tx, actor, orgId, member.id);
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === 'conflict') {
        throw new ScimError(409, 'This person is the organisation’s only owner: make someone else an owner first.');
      }
      throw err;
    }
  });
  await sendRemovalMail(ctx, mail);
}
