import { enlistmentLabels, networkKindLabels, networkRelationLabels } from '../../../features/plans/labels';
import { Field } from '../../components/field';
import { EntryEnlistment } from '../enlistment/entry-enlistment';
import { useAllMembers } from '../members/members-api';
import { ItemCard } from './item-card';
import type { NetworkView, PlanView } from './plan-api';
import { CheckboxGroup, Select, TextArea } from './plan-fields';
import { useItemEditor } from './use-item-editor';

export const networkLabels = {
  name: 'Name',
  kind: 'Kind',
  relation: 'Relation',
  memberId: 'Member of your organisation',
  enlistment: 'Enlistment',
  url: 'Web address',
  notes: 'Notes',
  goalIds: 'Helps with these goals',
};

export const relationsFor: Record<NetworkView['kind'], (keyof typeof networkRelationLabels)[]> = {
  person: ['mentor', 'coach', 'peer', 'expert', 'supervisor', 'colleague', 'other'],
  community: ['community', 'other'],
  resource: ['course', 'book', 'feed', 'podcast', 'tool', 'event', 'website', 'other'],
};

/** The relation to show for an entry: none when it has none, or one that does not fit its kind. */
export function shownRelation(kind: NetworkView['kind'], relation: NetworkView['relation']): string {
  return relation && relationsFor[kind].includes(relation) ? relation : '';
}

/**
 * Part 3: a person, community or resource, the goals it helps with, and how far enlisting them has got. A person
 * who is a member of the organisation can be asked to mentor from here.
 */
export function NetworkEditor({ plan, item }: { plan: PlanView; item: NetworkView }) {
  const e = useItemEditor(plan.id, 'network', item);
  const d = e.draft;
  const goals = plan.goals;
  const members = useAllMembers(plan.organizationId);
  const colleagues = (members.data?.members ?? []).filter((m) => m.id !== plan.memberId);
  // The request goes from what the server has, so it follows the saved member, not the one being typed in.
  const mentor = colleagues.find((m) => m.id === item.memberId);
  return (
    <ItemCard
      heading={d.name.trim() || 'New entry'}
      status={e.status}
      theirs={e.theirs}
      draft={d}
      labels={networkLabels}
      onResolve={e.resolve}
      onRemove={e.remove}
    >
      <div className="row">
        <Field
          label={networkLabels.name}
          value={d.name}
          onChange={(ev) => e.set('name')(ev.target.value)}
          error={e.error('name')}
          maxLength={200}
          required
        />
        <Select
          label={networkLabels.kind}
          value={d.kind}
          options={Object.entries(networkKindLabels)}
          onChange={(ev) => {
            const kind = ev.target.value as NetworkView['kind'];
            // A person's "mentor" means nothing for a book: a relation that no longer fits is cleared with it.
            e.change({ kind, relation: (shownRelation(kind, d.relation) || null) as NetworkView['relation'] });
          }}
        />
        <Select
          label={networkLabels.relation}
          value={shownRelation(d.kind, d.relation)}
          options={[
            // What the empty choice says: nothing chosen yet, never a "Choose…" that reads like a value.
            ['', 'Not chosen yet'],
            ...relationsFor[d.kind].map((r): [string, string] => [r, networkRelationLabels[r]]),
          ]}
          onChange={(ev) => e.set('relation')((ev.target.value || null) as NetworkView['relation'])}
          error={e.error('relation')}
        />
        {d.kind === 'person' && (
          <Select
            label={networkLabels.enlistment}
            value={d.enlistment}
            options={Object.entries(enlistmentLabels)}
            onChange={(ev) => e.set('enlistment')(ev.target.value as NetworkView['enlistment'])}
          />
        )}
      </div>
      {d.kind === 'person' && (
        <Select
          label={networkLabels.memberId}
          hint="Someone in Waymark with you can be asked to mentor you on the goals this entry helps with."
          value={d.memberId ?? ''}
          options={[
            ['', 'Not a member, or not chosen'],
            ...colleagues.map((m): [string, string] => [m.id, m.name || m.email]),
          ]}
          onChange={(ev) => e.set('memberId')(ev.target.value || null)}
          error={e.error('memberId')}
        />
      )}
      {d.kind === 'person' && mentor && (
        <EntryEnlistment
          orgId={plan.organizationId}
          planId={plan.id}
          entryId={item.id}
          mentorName={mentor.name || mentor.email}
          ready={e.status === 'saved'}
        />
      )}
      {d.kind !== 'person' && (
        <Field
          label={networkLabels.url}
          type="url"
          value={d.url ?? ''}
          onChange={(ev) => e.set('url')(ev.target.value || null)}
          error={e.error('url')}
          placeholder="https://"
        />
      )}
      <CheckboxGroup
        legend={networkLabels.goalIds}
        options={goals.map((g) => [g.id, g.what || 'Untitled goal'])}
        value={d.goalIds}
        onChange={e.set('goalIds')}
        error={e.error('goalIds')}
        empty="Goals you set in part 2 can be linked here."
      />
      <TextArea
        label={networkLabels.notes}
        value={d.notes}
        onChange={(ev) => e.set('notes')(ev.target.value)}
        error={e.error('notes')}
      />
    </ItemCard>
  );
}
