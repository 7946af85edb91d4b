import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { learningFormLabels } from '../../../features/plans/labels';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { SaveOrCancel } from '../../components/save-or-cancel';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { DateField } from '../../ui/date-field';
import { EmptyState } from '../../ui/empty-state';
import { Select } from '../plans/plan-fields';
import { KeptCaptures } from './kept-captures-list';
import { goalOptions, type LogEntryView, type LogFilters, useLog, useLogEntryActions, useMyGoals } from './log-api';
import { fieldsOf, LogEntryFields, readLogEntryForm } from './log-entry-fields';
import { LogEntryUses } from './log-entry-uses';

const none: LogFilters = { goalId: '', form: '', from: '', to: '', q: '' };
const formOptions: [string, string][] = [['', 'Any form'], ...Object.entries(learningFormLabels)];

/** The learning log: what was learned, day by day; filter, search, edit, page on. */
export function LogPage() {
  const { orgId = '' } = useParams();
  useTitle('Learning log');
  // A link may open the log filtered (a goal's "what you logged"): ?goalId=…
  const [search, setSearch] = useSearchParams();
  const [filters, setFiltersState] = useState<LogFilters>(() => ({ ...none, goalId: search.get('goalId') ?? '' }));
  // The goal filter stays in the address, so a reload or a shared link shows the same entries.
  const setFilters = (next: LogFilters) => {
    setFiltersState(next);
    setSearch(next.goalId ? { goalId: next.goalId } : {}, { replace: true });
  };
  const goals = useMyGoals(orgId);
  const log = useLog(orgId, filters);
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  return (
    <section>
      <h1>Learning log</h1>
      <p className="lead">
        Informal learning counts. Capture what you learn as it happens with “Log learning”
        <span className="keyboard-only">
          {' '}
          or by pressing <kbd>L</kbd> anywhere
        </span>
        .
      </p>
      {/* First, where a phone shows it without scrolling: what is not in the log yet. */}
      <KeptCaptures orgId={orgId} />
      <form
        // A new form per applied filter set, so "Clear filters" empties every field.
        key={JSON.stringify(filters)}
        className="filters panel"
        aria-label="Filter the log"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          setFilters(Object.fromEntries(Object.keys(none).map((k) => [k, String(data.get(k) ?? '')])) as LogFilters);
        }}
      >
        <Field label="Search" name="q" type="search" defaultValue={filters.q} error={fieldError(log.error, 'q')} />
        <Select
          label="Goal"
          name="goalId"
          options={goalOptions(goals.data?.goals).map(([v, l]) => [v, v ? l : 'Any goal'])}
          defaultValue={filters.goalId}
        />
        <Select label="Form" name="form" options={formOptions} defaultValue={filters.form} />
        <DateField label="From" name="from" defaultValue={filters.from} />
        <DateField label="To" name="to" defaultValue={filters.to} error={fieldError(log.error, 'to')} />
        <div className="actions">
          <button type="submit">Show</button>
          {filtered && (
            <button type="button" className="secondary" onClick={() => setFilters(none)}>
              Clear filters
            </button>
          )}
        </div>
      </form>
      <FormError error={log.error} />
      {log.isPending && <p role="status">Loading…</p>}
      {log.isSuccess &&
        entries.length === 0 &&
        (filtered ? (
          <p className="notice">Nothing matches these filters.</p>
        ) : (
          <EmptyState illustration="notes" title="Nothing logged yet">
            <p>
              What did you learn today? Note it with “Log learning”
              <span className="keyboard-only"> or the L key</span>.
            </p>
          </EmptyState>
        ))}
      <ol className="log-list" aria-label="Log entries">
        {entries.map((e) => (
          <LogItem key={`${e.id}-${e.version}`} entry={e} orgId={orgId} />
        ))}
      </ol>
      {log.hasNextPage && (
        <button
          type="button"
          className="secondary"
          onClick={() => log.fetchNextPage()}
          disabled={log.isFetchingNextPage}
        >
          {log.isFetchingNextPage ? 'Loading…' : 'Show older entries'}
        </button>
      )}
    </section>
  );
}

function LogItem({ entry, orgId }: { entry: LogEntryView; orgId: string }) {
  const [editing, setEditing] = useState(false);
  const leave = useLeaveGuard();
  const stopEditing = () => {
    setEditing(false);
    leave.sent();
  };
  const goals = useMyGoals(orgId);
  const { save, remove } = useLogEntryActions(orgId, entry, stopEditing);
  if (editing) {
    return (
      <li className="log-item">
        <form
          aria-label={`Edit the entry of ${formatDay(entry.learnedOn)}`}
          {...leave.formProps}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(readLogEntryForm(e.currentTarget));
          }}
        >
          <FormError error={save.error} />
          <LogEntryFields
            values={{ ...entry, goalId: entry.goal?.id ?? null }}
            goals={goals.data?.goals}
            errorOf={fieldsOf(save.error)}
          />
          <SaveOrCancel pending={save.isPending} onCancel={stopEditing} />
          {leave.question}
        </form>
      </li>
    );
  }
  return (
    <li className="log-item">
      <p className="hint">
        <time dateTime={entry.learnedOn}>{formatDay(entry.learnedOn)}</time>
        {entry.form && ` · ${learningFormLabels[entry.form]}`}
        {entry.source && ` · from ${entry.source}`}
        {entry.goal && ` · for “${entry.goal.what || 'Untitled goal'}”`}
      </p>
      <p className="log-what">{entry.what}</p>
      <div className="actions">
        <button type="button" className="link" onClick={() => setEditing(true)}>
          Edit<span className="visually-hidden"> the entry of {formatDay(entry.learnedOn)}</span>
        </button>
        <button
          type="button"
          className="link danger"
          onClick={() => window.confirm('Delete this entry?') && remove.mutate()}
        >
          Delete<span className="visually-hidden"> the entry of {formatDay(entry.learnedOn)}</span>
        </button>
        <LogEntryUses entry={entry} orgId={orgId} which={`the entry of ${formatDay(entry.learnedOn)}`} />
      </div>
      <FormError error={remove.error} />
    </li>
  );
}
