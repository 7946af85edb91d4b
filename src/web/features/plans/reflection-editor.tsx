import { learningFormLabels } from '../../../features/plans/labels';
import { Field } from '../../components/field';
import { ItemComments } from '../comments/item-comments';
import { WritePostLink } from '../posts/write-post-link';
import { ItemCard } from './item-card';
import type { ReflectionView } from './plan-api';
import { Select, TextArea } from './plan-fields';
import { useItemEditor } from './use-item-editor';

export const reflectionLabels = {
  what: 'What did you learn?',
  happenedWhen: 'When?',
  form: 'How did it happen?',
  people: 'Who was involved?',
  enjoyable: 'What made it enjoyable?',
  learnedAboutMe: 'What does it tell you about how you learn best?',
};
export const formOptions: [string, string][] = [['', 'Choose…'], ...Object.entries(learningFormLabels)];

/** Part 1: one enjoyable learning experience. */
export function ReflectionEditor({ planId, item }: { planId: string; item: ReflectionView }) {
  const e = useItemEditor(planId, 'reflection', item);
  const d = e.draft;
  return (
    <ItemCard
      heading={d.what.trim() || 'New reflection'}
      status={e.status}
      theirs={e.theirs}
      draft={d}
      labels={reflectionLabels}
      onResolve={e.resolve}
      onRemove={e.remove}
    >
      <Field
        label={reflectionLabels.what}
        value={d.what}
        onChange={(ev) => e.set('what')(ev.target.value)}
        error={e.error('what')}
        maxLength={300}
        data-autofocus
      />
      <div className="row">
        <Field
          label={reflectionLabels.happenedWhen}
          value={d.happenedWhen}
          onChange={(ev) => e.set('happenedWhen')(ev.target.value)}
          error={e.error('happenedWhen')}
          hint="For example: spring 2024"
          maxLength={120}
        />
        <Select
          label={reflectionLabels.form}
          value={d.form ?? ''}
          options={formOptions}
          onChange={(ev) => e.set('form')((ev.target.value || null) as ReflectionView['form'])}
          error={e.error('form')}
        />
      </div>
      <Field
        label={reflectionLabels.people}
        value={d.people}
        onChange={(ev) => e.set('people')(ev.target.value)}
        error={e.error('people')}
        maxLength={1000}
      />
      <TextArea
        label={reflectionLabels.enjoyable}
        value={d.enjoyable}
        onChange={(ev) => e.set('enjoyable')(ev.target.value)}
        error={e.error('enjoyable')}
        maxLength={4000}
      />
      <TextArea
        label={reflectionLabels.learnedAboutMe}
        value={d.learnedAboutMe}
        onChange={(ev) => e.set('learnedAboutMe')(ev.target.value)}
        error={e.error('learnedAboutMe')}
        maxLength={4000}
      />
      <WritePostLink
        source={{ kind: 'reflection', id: item.id }}
        body={[d.what, d.enjoyable, d.learnedAboutMe].filter((t) => t.trim()).join('\n\n')}
        about={d.what.trim() || 'this reflection'}
      />
      <ItemComments
        planId={planId}
        target={{ kind: 'reflection', id: item.id }}
        title={d.what.trim() || 'this reflection'}
        isLearner
        folded
      />
    </ItemCard>
  );
}
