import { useEffect, useRef, useState } from 'react';
import { cadenceLabels, networkKindLabels, shareHowLabels } from '../../../features/plans/labels';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { GoalEditor } from './goal-editor';
import { NetworkEditor } from './network-editor';
import { type ItemView, type NewItem, type PartKind, type PlanView, partPath, useAddItem } from './plan-api';
import { Select } from './plan-fields';
import { ReflectionEditor } from './reflection-editor';
import { ShareEditor } from './share-editor';

/** Which part of the plan each number of the guide edits. */
export const kindOfPart: Record<1 | 2 | 3 | 4, PartKind> = { 1: 'reflection', 2: 'goal', 3: 'network', 4: 'share' };

/** Everything of one part: its items, each editable in place, and a way to add one more. */
export function PartEditor({ plan, kind }: { plan: PlanView; kind: PartKind }) {
  const [added, setAdded] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // Focus the first field of an item just added, so keyboard users carry straight on typing.
  useEffect(() => {
    if (!added) return;
    const card = listRef.current?.querySelector<HTMLElement>(`[data-item="${added}"] [data-autofocus]`);
    card?.focus();
  }, [added]);
  const items = plan[partPath[kind]] as ItemView[];
  return (
    <div className="part-editor">
      <div ref={listRef} className="items">
        {items.map((item) => (
          <div key={item.id} data-item={item.id}>
            {kind === 'reflection' && (
              <ReflectionEditor planId={plan.id} item={item as PlanView['reflections'][number]} />
            )}
            {kind === 'goal' && (
              <GoalEditor
                planId={plan.id}
                item={item as PlanView['goals'][number]}
                reflections={plan.reflections}
                network={plan.network}
              />
            )}
            {kind === 'network' && <NetworkEditor plan={plan} item={item as PlanView['network'][number]} />}
            {kind === 'share' && (
              <ShareEditor
                planId={plan.id}
                item={item as PlanView['shares'][number]}
                goals={plan.goals}
                planCreatedAt={plan.createdAt}
                planCycle={plan.cycle}
              />
            )}
          </div>
        ))}
      </div>
      <AddItem plan={plan} kind={kind} onAdded={setAdded} />
    </div>
  );
}

function AddItem({ plan, kind, onAdded }: { plan: PlanView; kind: PartKind; onAdded: (id: string) => void }) {
  const add = useAddItem(plan.id, kind, (item) => onAdded(item.id));
  if (kind === 'reflection' || kind === 'goal') {
    return (
      <div className="add-item">
        <FormError error={add.error} />
        <button type="button" onClick={() => add.mutate({})} disabled={add.isPending}>
          {kind === 'goal' ? 'Add a goal' : 'Add a reflection'}
        </button>
      </div>
    );
  }
  if (kind === 'network') {
    return (
      <form
        className="add-item inline-form"
        aria-label="Add to your network"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = new FormData(form);
          add.mutate({ kind: data.get('kind'), name: String(data.get('name') ?? '') } as NewItem, {
            onSuccess: () => form.reset(),
          });
        }}
      >
        <h3>Add to your network</h3>
        <FormError error={add.error} />
        <Select label="Kind" name="kind" options={Object.entries(networkKindLabels)} />
        <Field
          label="Name"
          name="name"
          required
          maxLength={200}
          error={fieldError(add.error, 'name')}
          hint="A person, a community of practice, a course, a book…"
        />
        <button type="submit" disabled={add.isPending}>
          Add
        </button>
      </form>
    );
  }
  return (
    <form
      className="add-item inline-form"
      aria-label="Add a sharing commitment"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        add.mutate({
          goalId: data.get('goalId') || null,
          how: data.get('how'),
          cadence: data.get('cadence'),
        } as NewItem);
      }}
    >
      <h3>Add a sharing commitment</h3>
      <FormError error={add.error} />
      <Select
        label="For the goal"
        name="goalId"
        options={[
          ['', 'Choose a goal…'],
          ...plan.goals.map((g): [string, string] => [g.id, g.what || 'Untitled goal']),
        ]}
        error={fieldError(add.error, 'goalId')}
      />
      <Select label="How" name="how" options={Object.entries(shareHowLabels)} />
      <Select label="How often" name="cadence" defaultValue="monthly" options={Object.entries(cadenceLabels)} />
      <button type="submit" disabled={add.isPending}>
        Add
      </button>
    </form>
  );
}
