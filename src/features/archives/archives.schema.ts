import { z } from 'zod';

export const archiveView = z
  .object({
    id: z.string(),
    organizationName: z.string(),
    /** Who removed them; null when they left themselves. */
    removedByName: z.string().nullable(),
    removedAt: z.iso.datetime(),
    /** When the archive and its files are erased. */
    keptUntil: z.iso.datetime(),
    planCount: z.number().int(),
    files: z.array(z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), byteSize: z.number() })),
    downloadedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'MemberArchive' });
export type ArchiveView = z.infer<typeof archiveView>;

export const archiveList = z.object({ archives: z.array(archiveView) });
export type ArchiveList = z.infer<typeof archiveList>;

export const removedMemberView = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    removedByName: z.string().nullable(),
    removedAt: z.iso.datetime(),
    keptUntil: z.iso.datetime(),
  })
  .meta({ id: 'RemovedMember' });
export type RemovedMemberView = z.infer<typeof removedMemberView>;

export const removedMemberList = z.object({ removed: z.array(removedMemberView) });
export type RemovedMemberList = z.infer<typeof removedMemberList>;

const id = z.string().min(1).max(64);
export const archiveParams = z.object({ archiveId: id });
export const archiveFileParams = z.object({ archiveId: id, fileId: id });
