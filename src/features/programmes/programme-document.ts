import { randomUUID } from 'node:crypto';
import { format, nextMonday } from 'date-fns';
import type { Database } from '../../db/client.js';
import type { ProgrammeOutline } from './programme-outline.js';
import { insertProgramme, insertThings, insertWeeks } from './programmes.repository.js';
import type { ProgrammeDocument, ProgrammeOutlineView } from './programmes.schema.js';
import { weekReleaseDate } from './release-schedule.js';

/*
 * A programme as a document (the export format, version 1) and back: copying, exporting, importing and the
 * starter programme all go through here, so a copy is exactly an export imported into the same organisation.
 */

/** The tag participants put on their blog posts, from the title when the author gives none: `#learning-out-loud`. */
export function tagFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 58)
    .replace(/-+$/, '');
  return slug ? `#${slug}` : '';
}

/** The programme's outline as a document: what it says, in order, with no ids of this organisation. */
export function documentOf(outline: ProgrammeOutline): ProgrammeDocument {
  const p = outline.programme;
  return {
    format: 'waymark-programme',
    version: 1,
    programme: {
      title: p.title,
      summary: p.summary,
      audience: p.audience,
      tag: p.tag,
      selfPaced: p.selfPaced,
      minOptional: p.minOptional,
      behindAfterDays: p.behindAfterDays,
      offersGoal: p.offersGoal,
    },
    weeks: outline.weeks.map((w) => ({
      title: w.title,
      catchUp: w.catchUp,
      things: outline.things
        .filter((t) => t.weekId === w.id)
        .map((t) => ({
          title: t.title,
          body: t.body,
          task: t.task,
          prompt: t.prompt,
          links: t.links,
          minutes: t.minutes,
          required: t.required,
          minWords: t.minWords,
        })),
    })),
  };
}

/**
 * Writes a document as a new draft programme of the organisation; answers its id. Run it in the request's
 * transaction: a programme arrives whole or not at all.
 */
export async function writeProgrammeDocument(
  db: Database,
  doc: ProgrammeDocument,
  into: { organizationId: string; memberId: string; title?: string; copiedFromId?: string },
): Promise<string> {
  const programmeId = randomUUID();
  const title = into.title ?? doc.programme.title;
  await insertProgramme(db, {
    id: programmeId,
    organizationId: into.organizationId,
    ...doc.programme,
    title,
    tag: doc.programme.tag || tagFromTitle(title),
    status: 'draft',
    copiedFromId: into.copiedFromId ?? null,
    createdByMemberId: into.memberId,
  });
  const weeks = doc.weeks.map((w, position) => ({ id: randomUUID(), programmeId, position, ...w }));
  await insertWeeks(
    db,
    weeks.map(({ things: _things, ...w }) => w),
  );
  let position = 0;
  await insertThings(
    db,
    weeks.flatMap((w) =>
      w.things.map((t) => ({ id: randomUUID(), programmeId, weekId: w.id, position: position++, ...t })),
    ),
  );
  return programmeId;
}

/** The date of the Monday after `today` (YYYY-MM-DD): the editor's sample start. */
export function sampleStart(today: Date): string {
  return format(nextMonday(today), 'yyyy-MM-dd');
}

/** The outline as the editor shows it: weeks holding their things, numbered through the programme. */
export function outlineView(outline: ProgrammeOutline, today: Date): ProgrammeOutlineView {
  const p = outline.programme;
  const number = new Map(outline.things.map((t, i) => [t.id, i + 1]));
  const startsOn = sampleStart(today);
  return {
    id: p.id,
    organizationId: p.organizationId,
    title: p.title,
    summary: p.summary,
    audience: p.audience,
    tag: p.tag,
    selfPaced: p.selfPaced,
    minOptional: p.minOptional,
    behindAfterDays: p.behindAfterDays,
    offersGoal: p.offersGoal,
    status: p.status,
    hasCover: Boolean(p.coverImageKey),
    achievementId: p.achievementId,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    version: p.version,
    weeks: outline.weeks.map((w) => ({
      id: w.id,
      position: w.position,
      title: w.title,
      catchUp: w.catchUp,
      things: outline.things
        .filter((t) => t.weekId === w.id)
        .map((t) => ({
          id: t.id,
          weekId: t.weekId,
          number: number.get(t.id) ?? 0,
          title: t.title,
          body: t.body,
          task: t.task,
          prompt: t.prompt,
          links: t.links,
          minutes: t.minutes,
          required: t.required,
          minWords: t.minWords,
          version: t.version,
          updatedAt: t.updatedAt.toISOString(),
        })),
    })),
    sampleCalendar: {
      startsOn,
      weeks: outline.weeks.map((w) => ({ weekId: w.id, releasedOn: weekReleaseDate(startsOn, w.position, 'cohort') })),
    },
  };
}
