import { randomUUID } from 'node:crypto';
import { format, subDays } from 'date-fns';
import { asc, eq, inArray } from 'drizzle-orm';
import { parseProgrammeDocument, starterProgramme, writeProgrammeDocument } from '../features/programmes/index.js';
import type { Database } from './client.js';
import {
  membership,
  programme,
  programmeCohort,
  programmeEnrolment,
  programmeProgress,
  programmeThing,
} from './schema/index.js';

/**
 * Who takes part in the demo's cohort, and how far each has got in its first week (two things): done both, done
 * one, tried one, not started (a week behind: what organisers see and nudge). The owner and the L&D lead, whose
 * pages the demo opens first, are not among them.
 */
const demoParticipants: { name: string; done: number; tried: number }[] = [
  { name: 'Aisha Khan', done: 2, tried: 0 },
  { name: 'Chen Wei', done: 2, tried: 0 },
  { name: 'Hannah Schmidt', done: 1, tried: 1 },
  { name: 'Kwame Mensah', done: 0, tried: 1 },
  { name: 'Elena Petrova', done: 0, tried: 0 },
];

/**
 * The demo's running programme: Waymark's starter programme, published, with a cohort that started a week ago
 * (so its second week is out today), written by the L&D lead, and five colleagues in it. `memberIdByName` names
 * the demo's members.
 */
export async function addDemoProgramme(
  db: Database,
  orgId: string,
  authorMemberId: string,
  memberIdByName: ReadonlyMap<string, string> = new Map(),
  now = new Date(),
) {
  const id = await writeProgrammeDocument(db, parseProgrammeDocument(starterProgramme), {
    organizationId: orgId,
    memberId: authorMemberId,
  });
  await db
    .update(programme)
    .set({ status: 'published', publishedAt: subDays(now, 8) })
    .where(eq(programme.id, id));
  const cohortId = randomUUID();
  const startsOn = format(subDays(now, 7), 'yyyy-MM-dd');
  await db
    .insert(programmeCohort)
    .values({ id: cohortId, programmeId: id, name: 'Winter cohort', startsOn, capacity: 30 });
  await addDemoParticipants(db, { programmeId: id, cohortId, orgId, startsOn, now }, memberIdByName);
  return id;
}

async function addDemoParticipants(
  db: Database,
  at: { programmeId: string; cohortId: string; orgId: string; startsOn: string; now: Date },
  memberIdByName: ReadonlyMap<string, string>,
) {
  const memberIds = demoParticipants.map((p) => memberIdByName.get(p.name)).filter((m): m is string => Boolean(m));
  if (memberIds.length === 0) return;
  const members = await db
    .select({ id: membership.id, userId: membership.userId })
    .from(membership)
    .where(inArray(membership.id, memberIds));
  const firstWeek = await db
    .select({ id: programmeThing.id })
    .from(programmeThing)
    .where(eq(programmeThing.programmeId, at.programmeId))
    .orderBy(asc(programmeThing.position))
    .limit(2);
  const enrolledAt = subDays(at.now, 6);
  for (const p of demoParticipants) {
    const member = members.find((m) => m.id === memberIdByName.get(p.name));
    if (!member) continue;
    const enrolmentId = randomUUID();
    await db.insert(programmeEnrolment).values({
      id: enrolmentId,
      programmeId: at.programmeId,
      organizationId: at.orgId,
      memberId: member.id,
      userId: member.userId,
      cohortId: at.cohortId,
      startedOn: at.startsOn,
      consentedAt: enrolledAt,
      createdAt: enrolledAt,
      updatedAt: enrolledAt,
    });
    const rows = firstWeek.slice(0, p.done + p.tried).map((thing, i) => {
      const reflected = i < p.done;
      const when = subDays(at.now, 5 - i);
      const slug = p.name.split(' ')[0]?.toLowerCase();
      return {
        enrolmentId,
        thingId: thing.id,
        triedAt: when,
        reflectedAt: reflected ? when : null,
        // Reflections on their own blogs, as the first "23 Things" participants wrote them.
        reflectionUrl: reflected ? `https://${slug}.blog.example/learning-out-loud-${i + 1}` : null,
        reflectionTitle: reflected ? `Learning out loud, thing ${i + 1}` : null,
        updatedAt: when,
      };
    });
    if (rows.length > 0) await db.insert(programmeProgress).values(rows);
  }
}
