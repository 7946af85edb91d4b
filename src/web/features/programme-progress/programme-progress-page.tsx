import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ORGANISERS_SEE } from '../../../features/programmes/organisers-see';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { formatDay } from '../../lib/dates';
import { FunnelChart } from './funnel-chart';
import { type Chosen, Nudges } from './nudges';
import { type ProgressFilter, type ProgressView, progressPath, type ThingState, useProgress } from './progress-api';

/*
 * A programme's progress for its organisers: the completion funnel (a chart and its table), who is behind, and
 * a grid of participants × things with a word in every cell. The grid scrolls sideways on a phone with the
 * name column kept in view.
 */

/** What participants were told at enrolment, word for word (the same sentence the programme page shows them). */
export const WHAT_ORGANISERS_SEE = `Participants were told when they enrolled: “${ORGANISERS_SEE}”`;

const cellWords: Record<ThingState, string> = {
  not_started: '—',
  tried: 'Tried',
  reflected: 'Reflected',
  reflected_private: 'Reflected (private)',
};
const cellIcons: Record<ThingState, string> = {
  not_started: '',
  tried: '◐ ',
  reflected: '● ',
  reflected_private: '● ',
};

export function ProgrammeProgressPage() {
  const { programmeId = '' } = useParams();
  const [filter, setFilter] = useState<ProgressFilter>({ filter: 'all' });
  const [cursors, setCursors] = useState<string[]>([]);
  const progress = useProgress(programmeId, filter, cursors.at(-1));
  // Ticked in the grid, kept across its pages and filters until nudged.
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const view = progress.data;
  useTitle(view ? `Progress: ${view.programme.title}` : 'Programme progress');
  return (
    <section>
      <h1>{view ? `Progress: ${view.programme.title}` : 'Programme progress'}</h1>
      <p className="lead">{WHAT_ORGANISERS_SEE}</p>
      {progress.isPending && <p role="status">Loading progress…</p>}
      <FormError error={progress.error} />
      {view && (
        <>
          <Totals view={view} />
          <Nudges
            programmeId={programmeId}
            behind={view.totals.behind}
            chosen={chosen}
            onNudged={() => setChosen([])}
          />
          <p>
            <a href={`${progressPath(programmeId)}.csv`} download>
              Download CSV
            </a>
          </p>
          <h2>Completion funnel</h2>
          <FunnelChart view={view} />
          <FunnelTable view={view} />
          <h2>Participants</h2>
          <Filter
            view={view}
            value={filter}
            onChange={(f) => {
              setFilter(f);
              setCursors([]);
            }}
          />
          <ProgressGrid view={view} chosen={chosen} onChoose={setChosen} />
          <div className="actions">
            {cursors.length > 0 && (
              <button type="button" className="secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
                Previous page
              </button>
            )}
            {view.nextCursor && (
              <button
                type="button"
                className="secondary"
                onClick={() => setCursors([...cursors, view.nextCursor as string])}
              >
                Next page
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function Totals({ view }: { view: ProgressView }) {
  const { participants, behind, completed } = view.totals;
  return (
    <p>
      {participants} {participants === 1 ? 'participant' : 'participants'} · {completed} completed · {behind} behind by{' '}
      {view.programme.behindAfterDays} days or more
    </p>
  );
}

function FunnelTable({ view }: { view: ProgressView }) {
  return (
    <details>
      <summary>Table: completion funnel</summary>
      <div className="table-scroll">
        <table className="data-table">
          <caption>Enrolled, tried and reflected per thing</caption>
          <thead>
            <tr>
              <th scope="col">Thing</th>
              <th scope="col" className="num">
                Enrolled
              </th>
              <th scope="col" className="num">
                Tried
              </th>
              <th scope="col" className="num">
                Reflected
              </th>
            </tr>
          </thead>
          <tbody>
            {view.funnel.map((f, i) => (
              <tr key={f.thingId}>
                <th scope="row">
                  {i + 1}. {view.things[i]?.title}
                </th>
                <td className="num">{f.enrolled}</td>
                <td className="num">{f.tried}</td>
                <td className="num">{f.reflected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Filter({
  view,
  value,
  onChange,
}: {
  view: ProgressView;
  value: ProgressFilter;
  onChange: (f: ProgressFilter) => void;
}) {
  const current = value.cohortId ? `cohort:${value.cohortId}` : value.filter;
  return (
    <div className="field">
      <label htmlFor="progress-filter">Show</label>
      <select
        id="progress-filter"
        value={current}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange(
            v.startsWith('cohort:') ? { filter: 'all', cohortId: v.slice(7) } : { filter: v as 'all' | 'behind' },
          );
        }}
      >
        <option value="all">Everyone</option>
        <option value="behind">Those behind</option>
        {view.cohorts.map((c) => (
          <option key={c.id} value={`cohort:${c.id}`}>
            {c.name} (from {formatDay(c.startsOn)})
          </option>
        ))}
      </select>
    </div>
  );
}

const sticky = { position: 'sticky', left: 0, background: 'var(--paper)', zIndex: 1 } as const;

/** Participants thing by thing; those behind have a box to choose them for a nudge. */
function ProgressGrid({
  view,
  chosen,
  onChoose,
}: {
  view: ProgressView;
  chosen: Chosen[];
  onChoose: (chosen: Chosen[]) => void;
}) {
  if (view.participants.length === 0) return <p className="hint">Nobody to show here.</p>;
  return (
    <div className="table-scroll" style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="Progress grid">
      <table className="data-table">
        <caption>Progress thing by thing</caption>
        <thead>
          <tr>
            <th scope="col" style={sticky}>
              Participant
            </th>
            <th scope="col">Cohort</th>
            <th scope="col" className="num">
              Days behind
            </th>
            {view.things.map((t) => (
              <th key={t.id} scope="col" title={t.title}>
                {t.number}
                <span className="visually-hidden">. {t.title}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.participants.map((p) => (
            <tr key={p.enrolmentId}>
              <th scope="row" style={sticky}>
                {p.name}
                {p.status === 'completed' && ' (completed)'}
                {p.hasBlog && (
                  <>
                    {' '}
                    <Link
                      to={`/orgs/${view.programme.organizationId}/programmes/manage/${view.programme.id}/progress/${p.enrolmentId}/blog`}
                      aria-label={`${p.name}’s blog`}
                    >
                      Blog
                    </Link>
                  </>
                )}
                {p.behind && (
                  <input
                    type="checkbox"
                    style={{ marginInlineStart: '0.5rem' }}
                    aria-label={`Choose ${p.name} to nudge`}
                    checked={chosen.some((c) => c.memberId === p.memberId)}
                    onChange={(e) =>
                      onChoose(
                        e.currentTarget.checked
                          ? [...chosen, { memberId: p.memberId, name: p.name }]
                          : chosen.filter((c) => c.memberId !== p.memberId),
                      )
                    }
                  />
                )}
              </th>
              <td>{p.cohortName ?? 'Self-paced'}</td>
              <td className="num">
                {p.daysBehind}
                {p.behind && ' (behind)'}
              </td>
              {p.things.map((c) => (
                <td key={c.thingId}>
                  <span aria-hidden="true">{cellIcons[c.state]}</span>
                  {c.reflectionUrl ? <a href={c.reflectionUrl}>{cellWords[c.state]}</a> : cellWords[c.state]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
