import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Database } from '../../db/client.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { fileNameSlug } from '../../server/text.js';
import type { Actor } from '../access/index.js';
import { requireAccess, requireUser } from '../access/index.js';
import { findOrganization } from '../orgs/index.js';
import { getLearnerSettings } from '../settings/index.js';
import {
  type ArchiveRow,
  archivesOfOrg,
  archivesOfUser,
  deleteExpiredArchives,
  findArchiveOfUser,
  insertArchive,
  markDownloaded,
} from './archives.repository.js';
import type { ArchiveView, RemovedMemberView } from './archives.schema.js';
import { buildMemberArchive } from './member-archive.js';
import { removalMail } from './removal-mail.js';

const DAY_MS = 24 * 3600 * 1000;

const viewOf = (row: ArchiveRow): ArchiveView => ({
  id: row.id,
  organizationName: row.organizationName,
  removedByName: row.removedByName,
  removedAt: row.removedAt.toISOString(),
  keptUntil: row.eraseAfter.toISOString(),
  planCount: row.planCount,
  files: row.files.map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, byteSize: f.byteSize })),
  downloadedAt: row.downloadedAt?.toISOString() ?? null,
});

/**
 * Keeps what a member made in the organisation for them, before the membership (and with it everything of
 * theirs in the organisation) is deleted. Runs in the removal's transaction: the archive exists exactly when
 * the membership is gone. Returns the mail that tells them, to be sent once the removal is committed.
 */
export async function archiveMember(
  ctx: AppContext,
  tx: Database,
  target: { id: string; organizationId: string; userId: string },
  person: { name: string; email: string },
  removedByName: string | null,
) {
  const org = await findOrganization(tx, target.organizationId);
  if (!org) throw notFound('Organisation');
  const removedAt = new Date();
  const eraseAfter = new Date(removedAt.getTime() + org.removedDataDays * DAY_MS);
  const about = {
    organizationName: org.name,
    personName: person.name,
    personEmail: person.email,
    removedAt,
    eraseAfter,
  };
  const { content, files, planCount } = await buildMemberArchive(tx, target.id, about);
  const id = randomUUID();
  await insertArchive(tx, {
    id,
    userId: target.userId,
    organizationId: org.id,
    organizationName: org.name,
    personName: person.name,
    personEmail: person.email,
    removedByName,
    removedAt,
    eraseAfter,
    content,
    files,
    planCount,
  });
  const { timeZone } = await getLearnerSettings(tx, target.userId);
  return removalMail(person.email, {
    ...about,
    removedByName,
    timeZone,
    url: `${ctx.config.baseUrl}/settings#your-data`,
  });
}

/** The person's own archives from organisations they left or were removed from, while kept. */
export async function listMyArchives(ctx: AppContext, actor: Actor) {
  const user = requireUser(actor);
  return { archives: (await archivesOfUser(ctx.db, user.userId, new Date())).map(viewOf) };
}

/** Only the person it belongs to gets it; anyone else, and an erased one, is 404. */
async function ownArchive(ctx: AppContext, actor: Actor, archiveId: string) {
  const user = requireUser(actor);
  const row = await findArchiveOfUser(ctx.db, user.userId, archiveId, new Date());
  if (!row) throw notFound('Archive');
  return row;
}

export async function downloadArchive(ctx: AppContext, actor: Actor, archiveId: string) {
  const row = await ownArchive(ctx, actor, archiveId);
  await markDownloaded(ctx.db, row.id, new Date());
  return {
    fileName: `waymark-${fileNameSlug(row.organizationName, 'organisation')}-${row.removedAt.toISOString().slice(0, 10)}.json`,
    body: `${JSON.stringify(row.content, null, 2)}\n`,
  };
}

export async function openArchivedFile(ctx: AppContext, actor: Actor, archiveId: string, fileId: string) {
  const row = await ownArchive(ctx, actor, archiveId);
  const file = row.files.find((f) => f.id === fileId);
  const stream: Readable | undefined = file && (await ctx.files.open(file.storageKey));
  if (!file || !stream) throw notFound('File');
  return { stream, fileName: file.fileName, contentType: file.contentType, byteSize: file.byteSize };
}

/** Owners and L&D admins see who was removed and until when their data is kept, never the data itself. */
export async function listRemovedMembers(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
): Promise<{ removed: RemovedMemberView[] }> {
  await requireAccess(ctx, actor, 'member:list-removed', { org: orgId });
  const rows = await archivesOfOrg(ctx.db, orgId, new Date());
  return {
    removed: rows.map((r) => ({
      id: r.id,
      name: r.personName,
      email: r.personEmail,
      removedByName: r.removedByName,
      removedAt: r.removedAt.toISOString(),
      keptUntil: r.eraseAfter.toISOString(),
    })),
  };
}

/** Erases archives whose time is up, and their files. A file that fails to go is logged and left. */
export async function eraseExpiredArchives(ctx: AppContext, now: Date) {
  const erased = await deleteExpiredArchives(ctx.db, now);
  for (const archive of erased) {
    for (const file of archive.files) {
      try {
        await ctx.files.delete(file.storageKey);
      } catch (err) {
        ctx.log.error({ err, archive: archive.id }, 'an erased archive left a file behind');
      }
    }
  }
  return erased.length;
}
