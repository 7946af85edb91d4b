import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { DateField } from '../../ui/date-field';
import { EmptyState } from '../../ui/empty-state';
import { useOrg } from '../orgs/orgs-api';
import {
  type AuditEventView,
  type AuditFilters,
  type AuditList,
  auditPath,
  auditQueryString,
  useAudit,
} from './audit-api';
import { RetentionForm } from './retention-form';

/*
 * The organisation's audit log for its owners and L&D admins: who changed roles and supervisors, who signed in
 * (and who failed), what left the organisation as CSV, keys and settings. The filters live in the address, so
 * a filtered view survives a reload and can be sent to a colleague.
 */

const FILTER_KEYS = ['action', 'person', 'from', 'to'] as const;

export function AuditPage() {
  const { orgId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const filters: AuditFilters = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => (search.get(k) ? [[k, search.get(k) as string]] : [])),
  );
  const [cursors, setCursors] = useState<string[]>([]);
  const audit = useAudit(orgId, filters, cursors.at(-1));
  const org = useOrg(orgId);
  useTitle('Audit trail');
  const view = audit.data;
  const apply = (next: AuditFilters) => {
    setCursors([]);
    setSearch(new URLSearchParams(Object.entries(next).filter(([, v]) => v) as [string, string][]));
  };
  return (
    <section>
      <h1>Audit trail</h1>
      <p className="lead">
        Who changed the organisation’s set-up, and when: roles and supervisors, sign-ins, data taken away as CSV, badge
        keys and settings. Nobody’s plans, log or posts are ever in it.
      </p>
      {view && <Filters key={search.toString()} view={view} value={filters} onApply={apply} />}
      {audit.isPending && <p role="status">Loading the audit trail…</p>}
      <FormError error={audit.error && !fieldError(audit.error, 'from') ? audit.error : null} />
      {view && (
        <>
          <p>
            <a href={`${auditPath(orgId)}.csv${auditQueryString(filters)}`} download>
              Download these events as CSV
            </a>{' '}
            <span className="hint">(the download is recorded too)</span>
          </p>
          {view.events.length === 0 ? (
            <EmptyState illustration="inbox" title="No events here">
              <p>
                {Object.keys(filters).length > 0
                  ? 'Nothing matches these filters. Try a wider period or another kind of event.'
                  : 'Events appear as people change roles, sign in, download data or change settings.'}
              </p>
            </EmptyState>
          ) : (
            <EventTable orgId={orgId} events={view.events} />
          )}
          <div className="actions">
            {cursors.length > 0 && (
              <button type="button" className="secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
                Newer events
              </button>
            )}
            {view.nextCursor && (
              <button
                type="button"
                className="secondary"
                onClick={() => setCursors([...cursors, view.nextCursor as string])}
              >
                Older events
              </button>
            )}
          </div>
          <RetentionForm orgId={orgId} days={view.retentionDays} canChange={org.data?.yourRole === 'owner'} />
        </>
      )}
    </section>
  );
}

function Filters({
  view,
  value,
  onApply,
}: {
  view: AuditList;
  value: AuditFilters;
  onApply: (f: AuditFilters) => void;
}) {
  const [draft, setDraft] = useState<AuditFilters>(value);
  const set = (key: keyof AuditFilters) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: e.target.value || undefined });
  const setDay = (key: 'from' | 'to') => (day: string | null) => setDraft({ ...draft, [key]: day ?? undefined });
  return (
    <search aria-label="Filter the audit trail">
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          onApply(draft);
        }}
      >
        <div className="field">
          <label htmlFor="audit-action">Kind of event</label>
          <select id="audit-action" value={draft.action ?? ''} onChange={set('action')}>
            <option value="">Every kind</option>
            {view.actions.map((a) => (
              <option key={a.code} value={a.code}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <DateField label="From" value={draft.from ?? null} onChange={setDay('from')} />
        <DateField label="To" value={draft.to ?? null} onChange={setDay('to')} />
        <div className="actions">
          <button type="submit">Show events</button>
          {Object.keys(value).length > 0 && (
            <button type="button" className="secondary" onClick={() => onApply({})}>
              Clear filters
            </button>
          )}
        </div>
      </form>
      {value.person && (
        <p role="status">
          Showing events by or about one person.{' '}
          <button type="button" className="link" onClick={() => onApply({ ...value, person: undefined })}>
            Show everyone
          </button>
        </p>
      )}
    </search>
  );
}

const personLink = (orgId: string, userId: string | null | undefined, name: string) =>
  userId ? (
    <Link to={`/orgs/${orgId}/audit?person=${encodeURIComponent(userId)}`} title={`Only events by or about ${name}`}>
      {name}
    </Link>
  ) : (
    name
  );

function EventTable({ orgId, events }: { orgId: string; events: AuditEventView[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table audit-table">
        <caption>Events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">About</th>
            <th scope="col">Details</th>
            <th scope="col">From address</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </td>
              <td>{personLink(orgId, e.actor.userId, e.actor.name)}</td>
              <td>{e.summary}</td>
              <td>
                {e.target?.kind === 'person'
                  ? personLink(orgId, e.target.id, e.target.name ?? 'someone')
                  : (e.target?.name ?? '')}
              </td>
              <td>
                {Object.entries(e.details)
                  .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${v ?? '—'}`)
                  .join(' · ')}
              </td>
              <td>{e.address ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
