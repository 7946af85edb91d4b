import { BarsChart, DataTable, FigureSection, PairedBarsChart } from './figure-section';
import { plural } from './insight-format';
import type { ActionKind, DashboardView } from './insights-api';

/** What L&D can start from a row: each kind of action, for that row's topic. */
export type StartAction = (kind: ActionKind, topic: string) => void;

export const actionLabels: Record<ActionKind, string> = {
  mentor_call: 'Start a mentor call',
  community: 'Open a community',
  resource: 'Recommend a resource',
};

function ActButtons({ topic, onAct }: { topic: string; onAct: StartAction }) {
  return (
    <div className="row-actions">
      {(Object.keys(actionLabels) as ActionKind[]).map((kind) => (
        <button key={kind} type="button" className="secondary" onClick={() => onAct(kind, topic)}>
          {actionLabels[kind]}
          <span className="visually-hidden"> for {topic}</span>
        </button>
      ))}
    </div>
  );
}

/** "N more topics with fewer than k learners each": groups too small to show still count, in words. */
function Fewer({ n, k, what }: { n: number; k: number; what: string }) {
  if (n === 0) return null;
  return (
    <p>
      {plural(n, `more ${what}`, `more ${what}s`)} with fewer than {k} learners each.
    </p>
  );
}

const TOP = 15;

export function TopicsFigure({ d, csv, onAct }: { d: DashboardView; csv: string; onAct: StartAction }) {
  const { rows, fewer } = d.topics;
  const top = rows.slice(0, TOP);
  return (
    <FigureSection
      title="Topics people are learning"
      about={`The topics of opted-in learners’ goals, each learner counted once per topic. Topics with fewer than ${d.k} learners are not shown one by one.`}
      csv={csv}
      tableOpen
      chart={
        top.length > 0 && (
          <BarsChart
            label={`Bar chart of the ${plural(top.length, 'topic', 'topics')} most learners are learning, by number of learners. The table below has every topic.`}
            rows={top.map((r) => ({ label: r.label, value: r.learners }))}
          />
        )
      }
      table={
        rows.length > 0 && (
          <DataTable
            caption="Learners per topic"
            columns={[
              { label: 'Topic' },
              { label: 'On the topic list' },
              { label: 'Learners', numeric: true },
              { label: 'Act on it' },
            ]}
            rows={rows.map((r) => ({
              key: r.key,
              cells: [
                r.label,
                r.listed ? 'Yes' : 'No',
                r.learners,
                <ActButtons key="act" topic={r.label} onAct={onAct} />,
              ],
            }))}
          />
        )
      }
    >
      {rows.length === 0 && <p>No topic has {d.k} or more learners in this period.</p>}
      <Fewer n={fewer} k={d.k} what="topic" />
    </FigureSection>
  );
}

export function MentorDemandFigure({ d, csv, onAct }: { d: DashboardView; csv: string; onAct: StartAction }) {
  const { rows, fewer } = d.mentorDemand;
  const series = { a: 'Learners looking for a mentor', b: 'Members offering to mentor' };
  return (
    <FigureSection
      title="Mentor demand and supply"
      about="Per topic: opted-in learners who have a mentor or coach in their learning network for a goal on it, and the members who offer to mentor it."
      csv={csv}
      tableOpen
      chart={
        rows.length > 0 && (
          <PairedBarsChart
            label="Bar chart comparing, per topic, learners looking for a mentor with members offering to mentor. The table below has the numbers."
            rows={rows.slice(0, TOP).map((r) => ({ label: r.label, a: r.learners, b: r.mentors }))}
            series={series}
          />
        )
      }
      table={
        rows.length > 0 && (
          <DataTable
            caption="Mentor demand and supply per topic"
            columns={[
              { label: 'Topic' },
              { label: series.a, numeric: true },
              { label: series.b, numeric: true },
              { label: 'Act on it' },
            ]}
            rows={rows.map((r) => ({
              key: r.key,
              cells: [r.label, r.learners, r.mentors, <ActButtons key="act" topic={r.label} onAct={onAct} />],
            }))}
          />
        )
      }
    >
      {rows.length === 0 && <p>No topic has {d.k} or more learners looking for a mentor in this period.</p>}
      <Fewer n={fewer} k={d.k} what="topic" />
    </FigureSection>
  );
}
