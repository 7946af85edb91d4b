import type { UseMutationResult } from '@tanstack/react-query';
import { diffWords } from 'diff';
import { useState } from 'react';
import {
  cadenceLabels,
  enlistmentLabels,
  goalStatusLabels,
  learningFormLabels,
  networkKindLabels,
  networkRelationLabels,
  shareHowLabels,
} from '../../../features/plans/labels';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { formatDateTime, formatDay } from '../../lib/dates';
import { confirmDone } from '../../ui/toasts';
import { goalLabels } from './goal-editor';
import { networkLabels } from './network-editor';
import {
  type HistoryStep,
  type PlanView,
  type RevisionSummary,
  usePlanHistory,
  useRestore,
  useRevision,
} from './plan-api';
import { usePlanContext } from './plan-layout';
import { reflectionLabels } from './reflection-editor';
import { shareLabels } from './share-editor';

const fieldLabels: Record<string, Record<string, string>> = {
  plan: { cycle: 'Cycle', title: 'Title' },
  reflection: reflectionLabels,
  goal: goalLabels,
  network: networkLabels,
  share: { ...shareLabels, records: 'Shares done' },
};
const actionWords: Record<string, string> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Removed',
  restore: 'Restored',
  undo: 'Undid a change to',
  import: 'Imported',
  sign: 'Signed',
};

/** Every change to the plan, newest first; open one to see what changed and bring back an earlier version. */
export function HistoryPage() {
  const plan = usePlanContext();
  useTitle(`History of plan ${plan.cycle}`);
  const [open, setOpen] = useState<string | null>(null);
  const history = usePlanHistory(plan);
  return (
    <section>
      <h1>History</h1>
      <p className="lead">
        Every change is kept. Open one to compare, undo it, or go back to how the plan was before it.
      </p>
      {history.isPending && <p role="status">Loading history…</p>}
      <FormError error={history.error} />
      <ol className="history">
        {history.data?.revisions.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className="link"
              aria-expanded={open === r.id}
              onClick={() => setOpen(open === r.id ? null : r.id)}
            >
              {actionWords[r.action] ?? r.action} {r.label}
            </button>{' '}
            <span className="hint">
              {formatDateTime(r.updatedAt)}
              {r.actorName && ` · ${r.actorName}`}
              {r.action === 'update' &&
                r.changedFields.length > 0 &&
                ` · ${r.changedFields.map((f) => fieldLabels[r.entityType]?.[f] ?? f).join(', ')}`}
            </span>
            {open === r.id && <RevisionDetail plan={plan} summary={r} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

function RevisionDetail({ plan, summary }: { plan: PlanView; summary: RevisionSummary }) {
  const revision = useRevision(plan.id, summary.id);
  const restore = useRestore(plan.id, summary.id);
  if (revision.isPending) return <p role="status">Loading…</p>;
  if (revision.error) return <FormError error={revision.error} />;
  const r = revision.data;
  const labels = fieldLabels[r.entityType] ?? {};
  // A creation or removal lists only the fields that had something in them.
  const fields = r.changedFields.filter((f) => readable(f, r.before?.[f], plan) !== readable(f, r.after?.[f], plan));
  if (r.action === 'sign') {
    return (
      <div className="revision">
        <p>A signature: nothing in the plan changed. The plan as it was here is the plan that was signed.</p>
        <Restore restore={restore} signature />
      </div>
    );
  }
  return (
    <div className="revision">
      <table>
        <caption className="visually-hidden">What changed</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f}>
              <th scope="row">{labels[f] ?? f}</th>
              <td>
                <Diff before={readable(f, r.before?.[f], plan)} after={readable(f, r.after?.[f], plan)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Restore restore={restore} />
    </div>
  );
}

/**
 * The ways back from one change: undo just this change (later changes stay), or go back to how the whole
 * plan was before it (this change and every later one undone). A signature changed nothing, so from it the
 * plan can only go back to what was signed.
 */
function Restore({
  restore,
  signature = false,
}: {
  restore: UseMutationResult<PlanView, Error, HistoryStep>;
  signature?: boolean;
}) {
  const go = (step: HistoryStep) =>
    restore.mutate(step, {
      onSuccess: () => confirmDone('Done. This is in the history too, so you can undo it the same way.'),
    });
  return (
    <>
      <FormError error={restore.error} />
      <div className="actions">
        {signature ? (
          <button type="button" onClick={() => go({ scope: 'plan', point: 'after' })} disabled={restore.isPending}>
            Go back to the plan as it was signed
          </button>
        ) : (
          <>
            <button type="button" onClick={() => go({ undo: true })} disabled={restore.isPending}>
              Undo this change
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => go({ scope: 'plan', point: 'before' })}
              disabled={restore.isPending}
            >
              Go back to how it was before this change
            </button>
          </>
        )}
      </div>
      {!signature && (
        <p className="hint">
          Undo takes back only this change. Going back also undoes every change made after it, in the whole plan.
        </p>
      )}
    </>
  );
}

/** Labels for enumerations, and names for ids, so a change reads "Mentor" and "Learn SQL", not keys and uuids. */
const valueLabels: Record<string, Record<string, string>> = {
  form: learningFormLabels,
  status: goalStatusLabels,
  kind: networkKindLabels,
  enlistment: enlistmentLabels,
  relation: networkRelationLabels,
  how: shareHowLabels,
  cadence: cadenceLabels,
};

function readable(field: string, v: unknown, plan: PlanView): string {
  if (v === null || v === undefined) return '';
  const nameOf = (id: string) =>
    plan.goals.find((g) => g.id === id)?.what ?? plan.reflections.find((r) => r.id === id)?.what ?? '(removed)';
  if (field === 'goalId' && typeof v === 'string') return nameOf(v);
  if ((field === 'goalIds' || field === 'reflectionIds') && Array.isArray(v)) return v.map(nameOf).join('; ');
  if (field === 'milestones' && Array.isArray(v)) {
    return v
      .map(
        (m: { title: string; done: boolean; dueDate?: string | null }) =>
          `${m.done ? '[x]' : '[ ]'} ${m.title}${m.dueDate ? ` (due ${formatDay(m.dueDate)})` : ''}`,
      )
      .join('; ');
  }
  // Calendar days (targetDate, startsOn…) read as every other date does, not as 2027-04-30.
  if (/(Date|On)$/.test(field) && typeof v === 'string') return formatDay(v);
  if (field === 'records' && Array.isArray(v)) {
    return v
      .map(
        (r: { doneOn: string; link: string | null; note: string }) =>
          `${formatDay(r.doneOn)} ${r.note || r.link || ''}`,
      )
      .join('; ');
  }
  if (typeof v === 'string') return valueLabels[field]?.[v] ?? v;
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

/** A word-level diff: removed words struck through, added ones underlined (and said so to screen readers). */
function Diff({ before, after }: { before: string; after: string }) {
  const parts = diffWords(before, after);
  return (
    <span className="diff">
      {parts.map((p, i) =>
        p.added ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one diff never reorder
          <ins key={i}>
            <span className="visually-hidden">added: </span>
            {p.value}
          </ins>
        ) : p.removed ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one diff never reorder
          <del key={i}>
            <span className="visually-hidden">removed: </span>
            {p.value}
          </del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one diff never reorder
          <span key={i}>{p.value}</span>
        ),
      )}
    </span>
  );
}
