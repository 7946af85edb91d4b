import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../access/index.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { goalStatusLabels, learningFormLabels } from '../plans/index.js';
import { insightsDashboard } from './dashboard.service.js';
import { formGroupLabels } from './forms.js';
import type { DashboardView, figureNames } from './insights.schema.js';

type Figure = (typeof figureNames)[number];
type Cell = string | number;

/** A suppressed figure reads as it does on screen, so a spreadsheet cannot mistake it for zero. */
const shown = (n: number | null, k: number): Cell => n ?? `fewer than ${k}`;

/** One figure of the dashboard as rows of a table, header first: the same numbers as its table view. */
export function figureTable(d: DashboardView, figure: Figure): Cell[][] {
  const k = d.k;
  switch (figure) {
    case 'topics':
      return [
        ['Topic', 'On the topic list', 'Learners'],
        ...d.topics.rows.map((r) => [r.label, r.listed ? 'yes' : 'no', r.learners]),
        ...(d.topics.fewer > 0 ? [[`${d.topics.fewer} more topics`, '', `fewer than ${k} each`]] : []),
      ];
    case 'forms':
      return [
        ['Form of learning', 'Kind', 'Learners'],
        ...d.forms.rows.map((r) => [learningFormLabels[r.form], formGroupLabels[r.group], shown(r.learners, k)]),
        ...d.forms.groups.map((g) => [
          `All ${formGroupLabels[g.group].toLowerCase()} learning`,
          formGroupLabels[g.group],
          shown(g.learners, k),
        ]),
      ];
    case 'status':
      return [
        ['Goal status', ...d.statusOverTime.months],
        ...d.statusOverTime.rows.map((r) => [goalStatusLabels[r.status], ...r.counts.map((n) => shown(n, k))]),
      ];
    case 'mentors':
      return [
        ['Topic', 'Learners looking for a mentor', 'Members offering to mentor'],
        ...d.mentorDemand.rows.map((r) => [r.label, r.learners, r.mentors]),
        ...(d.mentorDemand.fewer > 0 ? [[`${d.mentorDemand.fewer} more topics`, `fewer than ${k} each`, '']] : []),
      ];
    case 'resources':
      return [
        ['Resource', 'Learners with it in their network'],
        ...d.resources.rows.map((r) => [r.key, r.learners]),
        ...(d.resources.fewer > 0 ? [[`${d.resources.fewer} more resources`, `fewer than ${k} each`]] : []),
      ];
    case 'participation':
      return [
        ['Learners who…', 'Learners', 'Of opted-in learners'],
        ['logged learning', shown(d.participation.logged, k), d.population],
        ['committed to share', shown(d.participation.committedToShare, k), d.population],
        ['shared what they learned', shown(d.participation.shared, k), d.population],
        ['checked in', shown(d.participation.checkedIn, k), d.population],
      ];
  }
}

/** Learners' words start some cells: one beginning like a formula is kept as text in spreadsheets. */
const inert = (cell: Cell): Cell => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

export function figureCsv(d: DashboardView, figure: Figure): string {
  const filter = [d.filter.department, d.filter.team].filter(Boolean).join(' – ') || 'whole organisation';
  const title = [[`Waymark insights: ${figure}, ${d.period.from} to ${d.period.to}, ${filter}; k = ${d.k}`]];
  return stringify([...title, ...figureTable(d, figure)].map((row) => row.map(inert)));
}

/**
 * One figure of the dashboard as a CSV download. Aggregates only, but still the organisation's data leaving
 * the app: the audit log records who took which figure for which period.
 */
export async function insightsCsv(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  query: Parameters<typeof insightsDashboard>[3],
  figure: Figure,
) {
  const dashboard = await insightsDashboard(ctx, actor, orgId, query);
  await recordAudit(ctx.db, auditActorOf(actor), {
    orgId,
    action: 'export.insights_csv',
    details: { figure, from: dashboard.period.from, to: dashboard.period.to },
  });
  return {
    csv: figureCsv(dashboard, figure),
    fileName: `waymark-insights-${figure}-${dashboard.period.from}-${dashboard.period.to}.csv`,
  };
}
