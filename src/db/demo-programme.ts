import { randomUUID } from 'node:crypto';
import { format, subDays } from 'date-fns';
import { eq } from 'drizzle-orm';
import { parseProgrammeDocument, starterProgramme, writeProgrammeDocument } from '../features/programmes/index.js';
import type { Database } from './client.js';
import { programme, programmeCohort } from './schema/index.js';

/**
 * The demo's running programme: Waymark's starter programme, published, with a cohort that started a week ago
 * (so its second week is out today), written by the L&D lead.
 */
export async function addDemoProgramme(db: Database, orgId: string, authorMemberId: string, now = new Date()) {
  const id = await writeProgrammeDocument(db, parseProgrammeDocument(starterProgramme), {
    organizationId: orgId,
    memberId: authorMemberId,
  });
  await db
    .update(programme)
    .set({ status: 'published', publishedAt: subDays(now, 8) })
    .where(eq(programme.id, id));
  await db.insert(programmeCohort).values({
    id: randomUUID(),
    programmeId: id,
    name: 'Winter cohort',
    startsOn: format(subDays(now, 7), 'yyyy-MM-dd'),
    capacity: 30,
  });
  return id;
}
