import { cadenceLabels, shareHowLabels } from '../../../features/plans/labels';
import { sharingStatus } from '../../../features/plans/sharing-status';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { formatDay, today } from '../../lib/dates';
import { DateField } from '../../ui/date-field';
import { ItemCard } from './item-card';
import { type GoalView, type ShareView, useRecordShare } from './plan-api';
import { Select, TextArea } from './plan-fields';
import { useItemEditor } from './use-item-editor';

export const shareLabels = {
  goalId: 'For the goal',
  how: 'How will you share?',
  audience: 'With whom?',
  cadence: 'How often?',
  startsOn: 'From',
  detail: 'Details',
  success: 'What will success look like?',
};

/** Part 4: how, with whom and how often the learner shares one goal's learning, and the shares done. */
export function ShareEditor({
  planId,
  item,
  goals,
  planCreatedAt,
  planCycle,
}: {
  planId: string;
  item: ShareView;
  goals: GoalView[];
  planCreatedAt: string;
  planCycle: string;
}) {
  const e = useItemEditor(planId, 'share', item);
  const d = e.draft;
  const goal = goals.find((g) => g.id === d.goalId);
  const state = sharingStatus(d, { today: today(), planCreatedAt, cycle: planCycle });
  return (
    <ItemCard
      heading={`${shareHowLabels[d.how]}${goal ? ` for “${goal.what || 'Untitled goal'}”` : ''}`}
      status={e.status}
      theirs={e.theirs}
      draft={d}
      labels={shareLabels}
      onResolve={e.resolve}
      onRemove={e.remove}
    >
      <p className={state.behind ? 'badge behind' : 'badge on-track'}>
        {state.behind
          ? `Behind: ${state.done} of ${state.expected} shares so far`
          : `On track: ${state.done} shared${state.nextDue ? `, next by ${formatDay(state.nextDue)}` : ''}`}
      </p>
      <div className="row">
        <Select
          label={shareLabels.goalId}
          value={d.goalId ?? ''}
          options={[['', 'Choose a goal…'], ...goals.map((g): [string, string] => [g.id, g.what || 'Untitled goal'])]}
          onChange={(ev) => e.set('goalId')(ev.target.value || null)}
          error={e.error('goalId')}
        />
        <Select
          label={shareLabels.how}
          value={d.how}
          options={Object.entries(shareHowLabels)}
          onChange={(ev) => e.set('how')(ev.target.value as ShareView['how'])}
        />
        <Select
          label={shareLabels.cadence}
          value={d.cadence}
          options={Object.entries(cadenceLabels)}
          onChange={(ev) => e.set('cadence')(ev.target.value as ShareView['cadence'])}
        />
        <DateField
          label={shareLabels.startsOn}
          value={d.startsOn ?? null}
          onChange={e.set('startsOn')}
          error={e.error('startsOn')}
        />
      </div>
      <Field
        label={shareLabels.audience}
        value={d.audience}
        onChange={(ev) => e.set('audience')(ev.target.value)}
        error={e.error('audience')}
        hint="For example: my team, the cataloguing community."
        maxLength={300}
      />
      <Field
        label={shareLabels.detail}
        value={d.detail}
        onChange={(ev) => e.set('detail')(ev.target.value)}
        error={e.error('detail')}
        maxLength={1000}
      />
      <TextArea
        label={shareLabels.success}
        value={d.success}
        onChange={(ev) => e.set('success')(ev.target.value)}
        error={e.error('success')}
      />
      <SharesDone planId={planId} share={item} records={d.records} />
    </ItemCard>
  );
}

function SharesDone({ planId, share, records }: { planId: string; share: ShareView; records: ShareView['records'] }) {
  const record = useRecordShare(planId, share.id);
  return (
    <div className="shares-done">
      <h4>Shares done</h4>
      {records.length === 0 ? (
        <p className="hint">Nothing recorded yet.</p>
      ) : (
        <ul>
          {records.map((r) => (
            <li key={r.id}>
              {formatDay(r.doneOn)}: {r.link ? <a href={r.link}>{r.note || r.link}</a> : r.note}
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          const form = ev.currentTarget;
          const data = new FormData(form);
          const link = String(data.get('link') ?? '').trim();
          record.mutate(
            {
              note: String(data.get('note') ?? ''),
              ...(link && { link }),
              doneOn: String(data.get('doneOn') || '') || undefined,
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <FormError error={record.error} />
        <Field
          label="Link to what you shared"
          name="link"
          type="url"
          placeholder="https://"
          error={fieldError(record.error, 'link')}
        />
        <Field label="Or a note" name="note" error={fieldError(record.error, 'note')} maxLength={1000} />
        <DateField label="Shared on" name="doneOn" error={fieldError(record.error, 'doneOn')} />
        <button type="submit" disabled={record.isPending}>
          Mark as shared
        </button>
      </form>
    </div>
  );
}
