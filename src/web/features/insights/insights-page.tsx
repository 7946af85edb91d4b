import { useState } from 'react';
import { NavLink, useSearchParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { ApiError } from '../../lib/api';
import { confirmDone } from '../../ui/toasts';
import { ActionDialog, type ActionRequest } from './action-dialog';
import { ActionList } from './action-list';
import { AdminsOnly } from './admins-only';
import { FiguresStatus } from './figures-status';
import { InsightFilters } from './insight-filters';
import { periodName, plural } from './insight-format';
import {
  csvHref,
  type DashboardView,
  type Figure,
  type InsightFilters as Filters,
  filterParams,
  filtersFrom,
  type InsightAction,
  useDashboard,
  useInsightSettings,
  useShowFigures,
} from './insights-api';
import { FormsFigure, ParticipationFigure, ResourcesFigure, StatusFigure } from './learning-figures';
import { MentorDemandFigure, type StartAction, TopicsFigure } from './topic-figures';

/** The two pages of insights, as tabs. */
export function InsightsTabs({ orgId }: { orgId: string }) {
  return (
    <nav className="tabs" aria-label="Insights">
      <NavLink to={`/orgs/${orgId}/insights`} end>
        Figures
      </NavLink>
      <NavLink to={`/orgs/${orgId}/insights/topics`}>Topic list</NavLink>
    </nav>
  );
}

/**
 * Insights for L&D and HR: aggregates of the learners who opted in, each figure from at least k of them,
 * for a period and a department or team kept in the address (a reload or a shared link shows the same).
 */
export function InsightsPage() {
  useTitle('Insights');
  return <AdminsOnly>{(org) => <InsightsFigures orgId={org.id} orgName={org.name} />}</AdminsOnly>;
}

function InsightsFigures({ orgId, orgName }: { orgId: string; orgName: string }) {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFrom(search);
  const dashboard = useDashboard(orgId, filters);
  // The whole organisation over the default months: what may be chosen, even when the chosen view is refused.
  const baseline = useDashboard(orgId, {});
  const settings = useInsightSettings(orgId, !baseline.isPending);
  const showFigures = useShowFigures(orgId, (next) => setSearch(filterParams(next)));
  const [acting, setActing] = useState<ActionRequest | null>(null);
  const onAct: StartAction = (kind, topic) => setActing((a) => ({ kind, topic, n: (a?.n ?? 0) + 1 }));
  const settled = !baseline.isPending && !settings.isPending;
  const d = dashboard.data;
  const k = d?.k ?? baseline.data?.k ?? settings.data?.k;
  const csv = (figure: Figure) => csvHref(orgId, figure, filters);

  return (
    <section className="insights">
      <h1>Insights for {orgName}</h1>
      <InsightsTabs orgId={orgId} />
      <p className="lead">
        What people are learning and need, from the learners who opted in. Only aggregates: no figure comes from fewer
        than k learners, and no one’s plan is ever shown.
      </p>
      {/* Nothing to choose between while too few learners have opted in at all. */}
      {!fewOptedIn(baseline.error) && (
        <InsightFilters
          filters={filters}
          period={baseline.data?.period}
          departments={(d ?? baseline.data)?.options.departments ?? []}
          error={dashboard.error}
          onApply={showFigures}
        />
      )}
      {/* Everything below arrives together: the status panel grows when its settings come, and drawing it before
          them would push the figures down under the reader's eyes (a layout shift, Lighthouse's CLS). */}
      {settled ? (
        <FiguresStatus orgId={orgId} ready refreshedAt={d?.refreshedAt ?? baseline.data?.refreshedAt} />
      ) : (
        <p role="status">Counting…</p>
      )}
      {settled && dashboard.isPending && <p role="status">Counting…</p>}
      {settled && dashboard.error && <Refusal error={dashboard.error} />}
      {settled && d && (
        <>
          <Summary d={d} />
          <TopicsFigure d={d} csv={csv('topics')} onAct={onAct} />
          <FormsFigure d={d} csv={csv('forms')} />
          <StatusFigure d={d} csv={csv('status')} />
          <MentorDemandFigure d={d} csv={csv('mentors')} onAct={onAct} />
          <ResourcesFigure d={d} csv={csv('resources')} />
          <ParticipationFigure d={d} csv={csv('participation')} />
        </>
      )}
      {settled && (
        <section className="panel" aria-labelledby="insight-actions">
          <h2 id="insight-actions">Actions from insights</h2>
          {k === undefined ? <p role="status">Loading actions…</p> : <ActionList orgId={orgId} k={k} />}
        </section>
      )}
      <ActionDialog orgId={orgId} request={acting} onDone={(action) => confirmDone(startedNotice(action))} />
    </section>
  );
}

const fewOptedIn = (error: Error | null) => error instanceof ApiError && Boolean(error.fields.organization);

function startedNotice(a: InsightAction) {
  if (a.kind === 'mentor_call') {
    return `Mentor call sent to ${plural(a.recipients, 'member who offers', 'members who offer')} ${a.topic}.`;
  }
  return a.kind === 'community' ? `“${a.title}” is open and announced.` : `“${a.title}” is recommended.`;
}

function Summary({ d }: { d: DashboardView }) {
  const who = [d.filter.department, d.filter.team].filter(Boolean).join(', ') || 'the whole organisation';
  return (
    <p className="insight-summary" aria-live="polite">
      {periodName(d.period)}, {who}: figures from{' '}
      <strong>{plural(d.population, 'opted-in learner', 'opted-in learners')}</strong> (the organisation has{' '}
      {plural(d.members, 'member', 'members')}).
    </p>
  );
}

const filterFields = ['from', 'to', 'department', 'team'];

/** Why no figures are shown, in words: too few learners opted in, or a view that could single people out. */
function Refusal({ error }: { error: Error }) {
  if (!(error instanceof ApiError) || error.status !== 400) return <FormError error={error} />;
  const { organization, ...fields } = error.fields;
  if (organization) {
    return (
      <div className="panel" role="alert">
        <h2>No figures yet</h2>
        <p>{organization}</p>
        <p>
          Learners choose in their settings whether their learning counts in insights; it is off until they say yes.
          Figures appear here once enough of them have.
        </p>
      </div>
    );
  }
  // The filters' own fields show their reasons beside them; anything else is listed here.
  const elsewhere = Object.entries(fields).filter(([field]) => !filterFields.includes(field));
  return (
    <div className="alert" role="alert">
      <p>
        {error.message} {elsewhere.length < Object.keys(fields).length && 'Choose another period, department or team.'}
      </p>
      {elsewhere.length > 0 && (
        <ul>
          {elsewhere.map(([field, reason]) => (
            <li key={field}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
