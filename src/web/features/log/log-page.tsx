import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { learningFormLabels } from '../../../features/plans/labels';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { SaveOrCancel } from '../../components/save-or-cancel';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { EmptyState } from '../../ui/empty-state';
import { Select, TextArea } from '../plans/plan-fields';
import {
  type CreateLogBody,
  goalOptions,
  type LogEntryView,
  type LogFilters,
  useLog,
  useLogEntryActions,
  useMyGoals,
} from './log-api';
import { LogEntryUses } from './log-entry-uses';

const none: LogFilters = { goalId: '', form: '', from: '', to: '', q: '' };
const formOptions: [string, string][] = [['', 'Any form'], ...Object.entries(learningFormLabels)];
const day = (iso: string) => new Date(`${iso}T12:00:00`).toLocaleDateString(undefined, { dateStyle: 'medium' });

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
        <Field label="From" name="from" type="date" defaultValue={filters.from} />
        <Field label="To" name="to" type="date" defaultValue={filters.to} error={fieldError(log.error, 'to')} />
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
  const goals = useMyGoals(orgId);
  const { save, remove } = useLogEntryActions(orgId, entry, () => setEditing(false));
  if (editing) {
    return (
      <li className="log-item">
        <form
          aria-label={`Edit the entry of ${day(entry.learnedOn)}`}
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            save.mutate({
              what: String(data.get('what') ?? ''),
              form: (data.get('form') || null) as CreateLogBody['form'],
              source: String(data.get('source') ?? ''),
              goalId: (data.get('goalId') || null) as string | null,
              learnedOn: String(data.get('learnedOn') ?? ''),
            });
          }}
        >
          <FormError error={save.error} />
          <TextArea
            label="What I learned"
            name="what"
            defaultValue={entry.what}
            required
            maxLength={2000}
            error={fieldError(save.error, 'what')}
          />
          <div className="row">
            <Select
              label="How"
              name="form"
              defaultValue={entry.form ?? ''}
              options={[['', 'Choose…'], ...Object.entries(learningFormLabels)]}
            />
            <Field label="From whom or what" name="source" defaultValue={entry.source} maxLength={300} />
            <Select
              label="For goal"
              name="goalId"
              defaultValue={entry.goal?.id ?? ''}
              options={goalOptions(goals.data?.goals)}
              error={fieldError(save.error, 'goalId')}
            />
            <Field
              label="When"
              name="learnedOn"
              type="date"
              defaultValue={entry.learnedOn}
              required
              error={fieldError(save.error, 'learnedOn')}
            />
          </div>
          <SaveOrCancel pending={save.isPending} onCancel={() => setEditing(false)} />
        </form>
      </li>
    );
  }
  return (
    <li className="log-item">
      <p className="hint">
        <time dateTime={entry.learnedOn}>{day(entry.learnedOn)}</time>
        {entry.form && ` · ${learningFormLabels[entry.form]}`}
        {entry.source && ` · from ${entry.source}`}
        {entry.goal && ` · for “${entry.goal.what || 'Untitled goal'}”`}
      </p>
      <p className="log-what">{entry.what}</p>
      <div className="actions">
        <button type="button" className="link" onClick={() => setEditing(true)}>
          Edit<span className="visually-hidden"> the entry of {day(entry.learnedOn)}</span>
        </button>
        <button
          type="button"
          className="link danger"
          onClick={() => window.confirm('Delete this entry?') && remove.mutate()}
        >
          Delete<span className="visually-hidden"> the entry of {day(entry.learnedOn)}</span>
        </button>
        <LogEntryUses entry={entry} orgId={orgId} which={`the entry of ${day(entry.learnedOn)}`} />
      </div>
      <FormError error={remove.error} />
    </li>
  );
}
