import { type FormGroup, formGroupLabels } from '../../../features/insights/forms';
import { goalStatusLabels, learningFormLabels } from '../../../features/plans/labels';
import { BarsChart, DataTable, FigureSection, LinesChart } from './figure-section';
import { countOrFewer, fewerThan, monthName, percentOf, plural } from './insight-format';
import type { DashboardView } from './insights-api';

type Props = { d: DashboardView; csv: string };

const groupColours: Record<FormGroup, string> = {
  formal: 'var(--accent-1)',
  social: 'var(--accent-2)',
  informal: 'var(--accent-3)',
};

export function FormsFigure({ d, csv }: Props) {
  const { rows, groups } = d.forms;
  const any = rows.some((r) => r.learners !== null) || groups.some((g) => g.learners !== null);
  return (
    <FigureSection
      title="Forms of learning"
      about="How opted-in learners learned, from their learning log: each learner counted once per form. Formal learning is organised by someone else; social learning happens with other people; informal learning is done on one’s own, at work or in reading."
      csv={csv}
      chart={
        any && (
          <>
            <h3>Formal, social and informal</h3>
            <BarsChart
              heldBack={fewerThan(d.k)}
              label="Bar chart of learners by kind of learning: formal, social and informal. The table below has the numbers."
              rows={groups.map((g) => ({
                label: formGroupLabels[g.group],
                value: g.learners,
                colour: groupColours[g.group],
              }))}
            />
            <h3>Each form of learning</h3>
            <BarsChart
              heldBack={fewerThan(d.k)}
              label="Bar chart of learners by form of learning, each form marked formal, social or informal. The table below has the numbers."
              rows={rows.map((r) => ({
                label: `${learningFormLabels[r.form]} (${r.group})`,
                value: r.learners,
                colour: groupColours[r.group],
              }))}
            />
          </>
        )
      }
      table={
        <>
          <DataTable
            caption="Learners by kind of learning"
            columns={[{ label: 'Kind of learning' }, { label: 'Learners', numeric: true }]}
            rows={groups.map((g) => ({
              key: g.group,
              cells: [formGroupLabels[g.group], countOrFewer(g.learners, d.k)],
            }))}
          />
          <DataTable
            caption="Learners by form of learning"
            columns={[{ label: 'Form of learning' }, { label: 'Kind' }, { label: 'Learners', numeric: true }]}
            rows={rows.map((r) => ({
              key: r.form,
              cells: [learningFormLabels[r.form], formGroupLabels[r.group], countOrFewer(r.learners, d.k)],
            }))}
          />
        </>
      }
    >
      {!any && <p>No form of learning was logged by {d.k} or more learners in this period.</p>}
    </FigureSection>
  );
}

const statusLines = {
  idea: { colour: 'var(--accent-6)', dash: '2 4' },
  active: { colour: 'var(--accent-1)', dash: undefined },
  achieved: { colour: 'var(--accent-3)', dash: '8 4' },
  paused: { colour: 'var(--accent-4)', dash: '4 4' },
  dropped: { colour: 'var(--accent-5)', dash: '12 4 2 4' },
} as const;

export function StatusFigure({ d, csv }: Props) {
  const { months, rows } = d.statusOverTime;
  const any = rows.some((r) => r.counts.some((n) => n !== null));
  const points = months.map((m, i) => ({
    month: monthName(m),
    ...Object.fromEntries(rows.map((r) => [r.status, r.counts[i] ?? null])),
  }));
  return (
    <FigureSection
      title="Goals by status over time"
      about={`Opted-in learners with a goal in each status, month by month; a learner counts once per status and month. A month with fewer than ${d.k} learners in a status is a gap in its line.`}
      csv={csv}
      chart={
        any && (
          <LinesChart
            label={`Line chart of learners with goals in each status, per month from ${monthName(months[0] ?? '')} to ${monthName(months.at(-1) ?? '')}. The table below has the numbers.`}
            points={points}
            series={rows.map((r) => ({ key: r.status, name: goalStatusLabels[r.status], ...statusLines[r.status] }))}
          />
        )
      }
      table={
        // A month a row: a year of months reads down a page, where a year of columns would run off it.
        <DataTable
          caption="Learners with goals in each status, per month"
          columns={[{ label: 'Month' }, ...rows.map((r) => ({ label: goalStatusLabels[r.status], numeric: true }))]}
          rows={months.map((m, i) => ({
            key: m,
            cells: [monthName(m, 'long'), ...rows.map((r) => countOrFewer(r.counts[i] ?? null, d.k))],
          }))}
        />
      }
    >
      {!any && <p>No goal status had {d.k} or more learners in any month of this period.</p>}
    </FigureSection>
  );
}

const isWebAddress = (key: string) => /^https?:\/\//.test(key);

export function ResourcesFigure({ d, csv }: Props) {
  const { rows, fewer } = d.resources;
  return (
    <FigureSection
      title="Most linked resources"
      about="Courses, books, sites and tools in opted-in learners’ learning networks, by how many learners have them (the same web address counts as one resource)."
      csv={csv}
      chart={
        rows.length > 0 && (
          <BarsChart
            heldBack={fewerThan(d.k)}
            label={`Bar chart of the ${plural(Math.min(rows.length, 15), 'resource', 'resources')} most learners have in their network. The table below has every one.`}
            rows={rows
              .slice(0, 15)
              .map((r) => ({ label: r.key.replace(/^https?:\/\/(www\.)?/, ''), value: r.learners }))}
            colour="var(--accent-3)"
          />
        )
      }
      table={
        rows.length > 0 && (
          <DataTable
            caption="Learners per resource"
            columns={[{ label: 'Resource' }, { label: 'Learners', numeric: true }]}
            rows={rows.map((r) => ({
              key: r.key,
              cells: [
                isWebAddress(r.key) ? (
                  <a key="link" href={r.key}>
                    {r.key}
                  </a>
                ) : (
                  r.key
                ),
                r.learners,
              ],
            }))}
          />
        )
      }
    >
      {rows.length === 0 && <p>No resource is in the network of {d.k} or more learners in this period.</p>}
      {fewer > 0 && (
        <p>
          {plural(fewer, 'more resource', 'more resources')} with fewer than {d.k} learners each.
        </p>
      )}
    </FigureSection>
  );
}

export function ParticipationFigure({ d, csv }: Props) {
  const p = d.participation;
  const rows = [
    { key: 'logged', label: 'Logged learning', n: p.logged },
    { key: 'committed', label: 'Committed to share', n: p.committedToShare },
    { key: 'shared', label: 'Shared what they learned', n: p.shared },
    { key: 'checked', label: 'Checked in on their plan', n: p.checkedIn },
  ];
  const any = rows.some((r) => r.n !== null);
  return (
    <FigureSection
      title="Sharing and check-ins"
      about={`Of the ${plural(d.population, 'opted-in learner', 'opted-in learners')} behind these figures: how many logged learning, committed to share it, shared, and checked in on their plan in this period.`}
      csv={csv}
      chart={
        any && (
          <BarsChart
            heldBack={fewerThan(d.k)}
            label="Bar chart of the share of opted-in learners who logged learning, committed to share, shared and checked in, in per cent. The table below has the numbers."
            rows={rows.map((r) => ({
              label: r.label,
              value: r.n === null ? null : percentOf(r.n, d.population),
            }))}
            unit="%"
            max={100}
          />
        )
      }
      table={
        <DataTable
          caption="Participation of opted-in learners"
          columns={[
            { label: 'Learners who…' },
            { label: 'Learners', numeric: true },
            { label: 'Of opted-in learners', numeric: true },
          ]}
          rows={rows.map((r) => ({
            key: r.key,
            cells: [
              r.label.toLowerCase(),
              countOrFewer(r.n, d.k),
              r.n === null ? '' : `${percentOf(r.n, d.population)}%`,
            ],
          }))}
        />
      }
    >
      {!any && <p>Fewer than {d.k} learners did any of these in this period.</p>}
    </FigureSection>
  );
}
