import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../../server/context.js';
import { notFound, validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { loadProgrammeOutline, type ProgrammeOutline } from '../programmes/index.js';
import {
  cohortsOf,
  funnelCounts,
  type ParticipantRow,
  type ProgressRow,
  participantsOf,
  progressOfEnrolments,
} from './progress.repository.js';
import type { ParticipantProgress, ProgressQuery, ProgressView, ThingState } from './progress.schema.js';
import { type Standing, standingsAt } from './standing.js';

/*
 * What organisers (the organisation's L&D admins and owners) see of a programme's participants: progress thing
 * by thing, a completion funnel, who is behind. A private reflection is shown as reflected, never its text.
 */

/** How many participants a page of the grid holds. */
export const PAGE_SIZE = 100;

const encodeCursor = (p: { name: string; enrolmentId: string }) =>
  Buffer.from(JSON.stringify([p.name, p.enrolmentId])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as [string, string];
    }
  } catch {
    // fall through: answered as a bad cursor below
  }
  throw validationError({ cursor: 'This cursor is not one a page gave; start again without it.' });
}

const byNameThenId = (a: { name: string; enrolmentId: string }, b: { name: string; enrolmentId: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.enrolmentId < b.enrolmentId ? -1 : 1;

/** After the cursor, in the same order as the query (name, then enrolment id). */
const after = (row: ParticipantRow, [name, id]: [string, string]) =>
  row.name > name || (row.name === name && row.enrolmentId > id);

async function outlineFor(ctx: AppContext, programmeId: string): Promise<ProgrammeOutline> {
  const outline = await loadProgrammeOutline(ctx.db, programmeId);
  if (!outline) throw notFound('Programme');
  return outline;
}

function stateOf(row: ProgressRow | undefined, orgId: string): { state: ThingState; reflectionUrl: string | null } {
  if (!row) return { state: 'not_started', reflectionUrl: null };
  if (!row.reflectedAt) return { state: row.triedAt ? 'tried' : 'not_started', reflectionUrl: null };
  if (row.reflectionPostId) {
    return row.postVisible
      ? { state: 'reflected', reflectionUrl: `/orgs/${orgId}/posts/${row.reflectionPostId}` }
      : { state: 'reflected_private', reflectionUrl: null };
  }
  // A post on their own blog (linked, or read from its feed) is public by the participant's choice.
  return { state: 'reflected', reflectionUrl: row.reflectionUrl };
}

function participantView(
  outline: ProgrammeOutline,
  p: ParticipantRow,
  standing: Standing,
  progress: Map<string, ProgressRow>,
): ParticipantProgress {
  const orgId = outline.programme.organizationId;
  return {
    enrolmentId: p.enrolmentId,
    memberId: p.memberId,
    name: p.name,
    cohortId: p.cohortId,
    cohortName: p.cohortName,
    enrolledOn: p.enrolledAt.toISOString().slice(0, 10),
    status: p.status === 'completed' ? 'completed' : 'active',
    daysBehind: standing.daysBehind,
    behind: standing.behind,
    completedAt: p.completedAt?.toISOString() ?? null,
    hasBlog: p.hasBlog,
    things: outline.things.map((t) => ({ thingId: t.id, ...stateOf(progress.get(`${p.enrolmentId}|${t.id}`), orgId) })),
  };
}

async function progressMap(ctx: AppContext, ids: readonly string[], viewerMemberId: string, orgId: string) {
  const rows = await progressOfEnrolments(ctx.db, ids, viewerMemberId, orgId);
  return new Map(rows.map((r) => [`${r.enrolmentId}|${r.thingId}`, r]));
}

/** The participants, each with their standing now, in name order. */
function withStandings(outline: ProgrammeOutline, participants: ParticipantRow[], now: Date) {
  const standingOf = standingsAt(outline, now);
  // Ordered here, not by the database's collation, so the keyset cursor compares exactly as the order does.
  participants.sort((a, b) => byNameThenId(a, b));
  return participants.map((p) => ({ p, standing: standingOf(p) }));
}

/**
 * A page of a programme's participants with their progress thing by thing, the completion funnel and totals.
 * `filter=behind` keeps those at least the programme's `behindAfterDays` behind, in their own time zone.
 */
export async function programmeProgress(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  query: ProgressQuery,
  now = new Date(),
): Promise<ProgressView> {
  const { me } = await requireAccess(ctx, actor, 'programme:read-progress', { programme: programmeId });
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  // Independent reads, side by side on PostgreSQL's pool.
  const [outline, cohorts, participants, funnelRows] = await Promise.all([
    outlineFor(ctx, programmeId),
    cohortsOf(ctx.db, programmeId),
    participantsOf(ctx.db, programmeId, query.cohortId),
    funnelCounts(ctx.db, programmeId, query.cohortId),
  ]);
  if (query.cohortId && !cohorts.some((c) => c.id === query.cohortId)) {
    throw validationError({ cohortId: 'No cohort of this programme has that id.' });
  }
  const orgId = outline.programme.organizationId;
  const everyone = withStandings(outline, participants, now);

  const chosen = everyone.filter(
    ({ p, standing }) => (query.filter === 'all' || standing.behind) && (!cursor || after(p, cursor)),
  );
  const page = chosen.slice(0, PAGE_SIZE);
  const progress = await progressMap(
    ctx,
    page.map(({ p }) => p.enrolmentId),
    me.id,
    orgId,
  );
  const counts = new Map(funnelRows.map((r) => [r.thingId, r]));
  const last = page.at(-1);
  return {
    programme: {
      id: programmeId,
      organizationId: orgId,
      title: outline.programme.title,
      behindAfterDays: outline.programme.behindAfterDays,
    },
    // Numbered 1, 2, 3… as participants see them: `position` is the thing's 0-based place in the programme.
    things: outline.things.map((t, i) => ({
      id: t.id,
      number: i + 1,
      title: t.title,
      week: (outline.weeks.find((w) => w.id === t.weekId)?.position ?? 0) + 1,
      required: t.required,
    })),
    cohorts,
    totals: {
      participants: everyone.length,
      behind: everyone.filter(({ standing }) => standing.behind).length,
      completed: everyone.filter(({ p }) => p.status === 'completed').length,
    },
    funnel: outline.things.map((t) => ({
      thingId: t.id,
      enrolled: everyone.length,
      tried: counts.get(t.id)?.tried ?? 0,
      reflected: counts.get(t.id)?.reflected ?? 0,
    })),
    participants: page.map(({ p, standing }) => participantView(outline, p, standing, progress)),
    nextCursor: chosen.length > PAGE_SIZE && last ? encodeCursor(last.p) : null,
  };
}

const stateWords: Record<ThingState, string> = {
  not_started: 'Not started',
  tried: 'Tried',
  reflected: 'Reflected',
  reflected_private: 'Reflected (private)',
};

/**
 * Every participant's progress as CSV, one row each and a column per thing, built set-wise (one progress
 * query for everyone). No reflection's text: states and, where the organiser may read it, the link.
 */
export async function programmeProgressCsv(ctx: AppContext, actor: Actor, programmeId: string, now = new Date()) {
  const { me } = await requireAccess(ctx, actor, 'programme:read-progress', { programme: programmeId });
  const [outline, participants] = await Promise.all([
    outlineFor(ctx, programmeId),
    participantsOf(ctx.db, programmeId),
  ]);
  const orgId = outline.programme.organizationId;
  const everyone = withStandings(outline, participants, now);
  const progress = await progressMap(
    ctx,
    everyone.map(({ p }) => p.enrolmentId),
    me.id,
    orgId,
  );
  const header = [
    'Name',
    'Cohort',
    'Enrolled on',
    'Status',
    'Days behind',
    'Completed on',
    ...outline.things.map((t, i) => `${i + 1}. ${t.title}`),
  ];
  const rows = everyone.map(({ p, standing }) => {
    const view = participantView(outline, p, standing, progress);
    return [
      view.name,
      view.cohortName ?? 'Self-paced',
      view.enrolledOn,
      view.status === 'completed' ? 'Completed' : 'Active',
      view.daysBehind,
      view.completedAt?.slice(0, 10) ?? '',
      ...view.things.map((t) => stateWords[t.state]),
    ];
  });
  await recordAudit(ctx.db, auditActorOf(actor), {
    orgId,
    action: 'export.programme_progress_csv',
    target: { kind: 'programme', id: programmeId, name: outline.programme.title },
    details: { participants: rows.length },
  });
  return { fileName: `${outline.programme.title} – progress.csv`, csv: stringify([header, ...rows]) };
}
