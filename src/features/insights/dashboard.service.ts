import { count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { insightSettings, membership, orgTopic } from '../../db/schema/index.js';
import { goalStatuses, learningForms } from '../../db/schema/plans.js';
import type { AppContext } from '../../server/context.js';
import { validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { refreshFacts } from './facts.js';
import { formGroupOf, formGroups } from './forms.js';
import {
  type CountRow,
  mentorsPerTopic,
  periodCounts,
  periodMask,
  populationCells,
  statusByMonth,
} from './insights.repository.js';
import type { DashboardQuery, DashboardView } from './insights.schema.js';
import { allowedSelections, populationOf, refusal, type Selection } from './selection-guard.js';
import { phraseOf } from './topic-map.js';

/** How far back facts reach (bits 0..61) and how many months one dashboard may cover. */
const MONTHS_KEPT = 62;
const MAX_PERIOD = 24;

export const monthLabel = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
const monthIndex = (label: string) => {
  const [year, month] = label.split('-').map(Number) as [number, number];
  return year * 12 + month - 1;
};

/**
 * The organisation's settings, with facts built if they never were (the first time its insights are opened).
 * Facts of an earlier month are answered as they are, on their own anchor month: at the start of a month the
 * hourly job (insights.jobs.ts) rewrites every fact's bits, which takes minutes for a large organisation, and
 * no request should wait for that. The dashboard says when its figures were counted.
 */
export async function freshSettings(db: Database, orgId: string, now = new Date()) {
  let [settings] = await db.select().from(insightSettings).where(eq(insightSettings.organizationId, orgId));
  if (!settings?.refreshedAt || settings.anchorMonth === null) {
    await refreshFacts(db, orgId, now);
    [settings] = await db.select().from(insightSettings).where(eq(insightSettings.organizationId, orgId));
  }
  if (!settings?.refreshedAt || settings.anchorMonth === null) throw new Error('insight facts were not built');
  return { ...settings, refreshedAt: settings.refreshedAt, anchorMonth: settings.anchorMonth };
}

/** The months a dashboard covers: the last 12 unless asked, never beyond this month or the facts' reach. */
export function resolvePeriod(query: Pick<DashboardQuery, 'from' | 'to'>, anchor: number) {
  const last = query.to ? monthIndex(query.to) : anchor;
  const first = query.from ? monthIndex(query.from) : Math.max(last - 11, anchor - (MONTHS_KEPT - 1));
  if (last > anchor) throw validationError({ to: `Choose a month up to ${monthLabel(anchor)}.` });
  if (first > last) throw validationError({ from: 'The period starts after it ends.' });
  if (first < anchor - (MONTHS_KEPT - 1)) {
    throw validationError({ from: `Insights reach back to ${monthLabel(anchor - (MONTHS_KEPT - 1))}.` });
  }
  if (last - first + 1 > MAX_PERIOD) throw validationError({ from: `Choose at most ${MAX_PERIOD} months.` });
  return { first, last };
}

const atLeast = (n: number | undefined, k: number) => (n !== undefined && n >= k ? n : null);

/** Splits count rows into the groups per kind (at least k each) and how many smaller groups each kind had. */
function byKind(rows: CountRow[]) {
  const groups = new Map<string, Map<string, number>>();
  const fewer = new Map<string, number>();
  for (const r of rows) {
    if (r.key === null) fewer.set(r.kind, r.learners);
    else {
      if (!groups.has(r.kind)) groups.set(r.kind, new Map());
      groups.get(r.kind)?.set(r.key, r.learners);
    }
  }
  const of = (kind: string) => groups.get(kind) ?? new Map<string, number>();
  const sorted = (kind: string) => [...of(kind)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { of, sorted, fewer: (kind: string) => fewer.get(kind) ?? 0 };
}

const periodKinds = ['topic', 'form', 'form_group', 'resource', 'mentor_demand', 'sharing', 'checkin', 'logged'];

/**
 * The whole dashboard for one period and group of learners: every figure counts opted-in learners, and any
 * figure from fewer than k of them is left out (null) or counted among "fewer".
 */
export async function insightsDashboard(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  query: DashboardQuery,
  now = new Date(),
): Promise<DashboardView> {
  await requireAccess(ctx, actor, 'insights:read', { org: orgId });
  const settings = await freshSettings(ctx.db, orgId, now);
  const { k, anchorMonth: anchor } = settings;
  const period = resolvePeriod(query, anchor);
  const selection: Selection = { department: query.department, team: query.team };

  // Who opted in where decides whether the selection may be shown; it is read with the figures, not before
  // them (one wait instead of two), and nothing is returned until it has decided.
  const months = Array.from({ length: period.last - period.first + 1 }, (_, i) => period.first + i);
  const mask = periodMask(anchor, period.first, period.last);
  const [cells, counts, statuses, mentors, topics, [members]] = await Promise.all([
    populationCells(ctx.db, orgId),
    periodCounts(ctx.db, orgId, periodKinds, mask, selection, k),
    statusByMonth(
      ctx.db,
      orgId,
      months.map((m) => anchor - m),
      selection,
    ),
    mentorsPerTopic(ctx.db, orgId),
    ctx.db.select({ name: orgTopic.name }).from(orgTopic).where(eq(orgTopic.organizationId, orgId)),
    ctx.db.select({ n: count() }).from(membership).where(eq(membership.organizationId, orgId)),
  ]);
  const allowed = allowedSelections(cells, k);
  const refused = refusal(allowed, selection, k);
  if (refused) throw validationError(refused, 'These figures would come from too few learners to keep them anonymous.');
  const listed = new Map(topics.map((t) => [phraseOf(t.name), t.name]));
  const labelOf = (key: string) => listed.get(key) ?? key;
  const c = byKind(counts);
  const statusCounts = new Map(statuses.map((s) => [s.key, s.counts]));

  return {
    k,
    refreshedAt: settings.refreshedAt.toISOString(),
    period: { from: monthLabel(period.first), to: monthLabel(period.last) },
    filter: { department: query.department ?? null, team: query.team ?? null },
    population: populationOf(cells, selection),
    members: members?.n ?? 0,
    options: {
      departments: [...allowed.departments]
        .map(([name, teams]) => ({ name, teams: [...teams].sort() }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    },
    topics: {
      rows: c
        .sorted('topic')
        .map(([key, learners]) => ({ key, label: labelOf(key), listed: listed.has(key), learners })),
      fewer: c.fewer('topic'),
    },
    forms: {
      rows: learningForms.map((form) => ({
        form,
        group: formGroupOf[form],
        learners: atLeast(c.of('form').get(form), k),
      })),
      groups: formGroups.map((group) => ({ group, learners: atLeast(c.of('form_group').get(group), k) })),
    },
    statusOverTime: {
      months: months.map(monthLabel),
      rows: goalStatuses.map((status) => ({
        status,
        counts: months.map((_, i) => atLeast(statusCounts.get(status)?.[i], k)),
      })),
    },
    mentorDemand: {
      rows: c.sorted('mentor_demand').map(([key, learners]) => ({
        key,
        label: labelOf(key),
        learners,
        mentors: mentors.get(key) ?? 0,
      })),
      fewer: c.fewer('mentor_demand'),
    },
    resources: {
      rows: c.sorted('resource').map(([key, learners]) => ({ key, learners })),
      fewer: c.fewer('resource'),
    },
    participation: {
      logged: atLeast(c.of('logged').get('any'), k),
      committedToShare: atLeast(c.of('sharing').get('committed'), k),
      shared: atLeast(c.of('sharing').get('shared'), k),
      checkedIn: atLeast(c.of('checkin').get('checked_in'), k),
    },
  };
}
