import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { goalStatusLabels } from '../../../features/plans/labels';
import { adviceToShow, checkGoal } from '../../../features/plans/smart-check';
import { Field } from '../../components/field';
import { today } from '../../lib/dates';
import { DateField } from '../../ui/date-field';
import { useGuide } from '../guides/guides-api';
import { ItemCard } from './item-card';
import type { GoalView, NetworkView, ReflectionView } from './plan-api';
import { CheckboxGroup, Select, TextArea } from './plan-fields';
import { useItemEditor } from './use-item-editor';

export const goalLabels = {
  what: 'What do you need to learn?',
  why: 'Why do you need it?',
  how: 'How will you learn it?',
  evidence: 'How will you know you have learned it?',
  startDate: 'Start',
  targetDate: 'Target date',
  status: 'Status',
  progress: 'Progress (%)',
  topics: 'Topics and skills',
  links: 'Links to past and future learning',
  reflectionIds: 'Builds on these reflections',
  milestones: 'Milestones',
};

/** Part 2: a goal answering the six questions, with the SMART check beside it. */
export function GoalEditor({
  planId,
  item,
  reflections,
  network,
}: {
  planId: string;
  item: GoalView;
  reflections: ReflectionView[];
  network: NetworkView[];
}) {
  const { orgId = '' } = useParams();
  const e = useItemEditor(planId, 'goal', item);
  const d = e.draft;
  // The organisation's examples (adapted by L&D with the guide); the built-in ones until they load.
  const guide = useGuide(orgId);
  const advice = checkGoal(d, { network, today: today(), examples: guide.data?.goalExamples });
  const [allAdvice, setAllAdvice] = useState(false);
  const shown = allAdvice ? advice : adviceToShow(advice);
  const helpers = network.filter((n) => n.goalIds.includes(d.id));
  return (
    <ItemCard
      heading={d.what.trim() || 'New goal'}
      status={e.status}
      theirs={e.theirs}
      draft={d}
      labels={goalLabels}
      onResolve={e.resolve}
      onRemove={e.remove}
      aside={
        <aside className="smart" aria-label={`SMART check for ${d.what.trim() || 'this goal'}`}>
          <h4>SMART check</h4>
          {advice.length === 0 ? (
            <p className="ok">Specific, measurable, with a strategy and a date. Well done.</p>
          ) : (
            <ul>
              {shown.map((a) => (
                <li key={a.id}>
                  <strong>{a.message}</strong> {a.fix}
                </li>
              ))}
            </ul>
          )}
          {advice.length > shown.length && (
            <button type="button" className="link" onClick={() => setAllAdvice(true)}>
              {advice.length - shown.length} more {advice.length - shown.length === 1 ? 'point' : 'points'}
              <span className="visually-hidden"> for {d.what.trim() || 'this goal'}</span>
            </button>
          )}
          <p className="hint">Advice only: nothing here stops you saving.</p>
          <p>
            <Link to={`/orgs/${orgId}/plans/${planId}/goals/${d.id}`}>
              Evidence and timeline<span className="visually-hidden">: {d.what}</span>
            </Link>
          </p>
          <p>
            <Link to={`/orgs/${orgId}/log?goalId=${d.id}`}>
              What you logged for this goal<span className="visually-hidden">: {d.what}</span>
            </Link>
          </p>
          {item.status === 'achieved' && (
            <p>
              <Link to={`/orgs/${orgId}/recognition?goal=${encodeURIComponent(d.id)}`}>
                Ask for recognition<span className="visually-hidden">: {d.what}</span>
              </Link>
            </p>
          )}
        </aside>
      }
    >
      <Field
        label={goalLabels.what}
        value={d.what}
        onChange={(ev) => e.set('what')(ev.target.value)}
        error={e.error('what')}
        maxLength={300}
        hint="An objective, or an essential question you face in your work."
        data-autofocus
      />
      <TextArea
        label={goalLabels.why}
        value={d.why}
        onChange={(ev) => e.set('why')(ev.target.value)}
        error={e.error('why')}
        hint="For your work, your career or your life."
      />
      <TextArea
        label={goalLabels.how}
        value={d.how}
        onChange={(ev) => e.set('how')(ev.target.value)}
        error={e.error('how')}
        hint={
          helpers.length
            ? `Helped by: ${helpers.map((h) => h.name).join(', ')}.`
            : 'Strategies and activities; link people and resources in your network.'
        }
      />
      <TextArea
        label={goalLabels.evidence}
        value={d.evidence}
        onChange={(ev) => e.set('evidence')(ev.target.value)}
        error={e.error('evidence')}
        hint="What could you do, or what could someone see?"
      />
      <div className="row">
        <DateField
          label={goalLabels.startDate}
          value={d.startDate ?? null}
          onChange={e.set('startDate')}
          error={e.error('startDate')}
        />
        <DateField
          label={goalLabels.targetDate}
          value={d.targetDate ?? null}
          onChange={e.set('targetDate')}
          error={e.error('targetDate')}
        />
        <Select
          label={goalLabels.status}
          value={d.status}
          options={Object.entries(goalStatusLabels)}
          onChange={(ev) => e.set('status')(ev.target.value as GoalView['status'])}
        />
        <Field
          label={goalLabels.progress}
          type="number"
          min={0}
          max={100}
          step={5}
          value={d.progress}
          onChange={(ev) => e.set('progress')(Math.max(0, Math.min(100, Number(ev.target.value) || 0)))}
          error={e.error('progress')}
        />
      </div>
      <Milestones value={d.milestones} onChange={e.set('milestones')} error={e.error('milestones')} />
      <TopicsField value={d.topics} onChange={e.set('topics')} error={e.error('topics')} />
      <CheckboxGroup
        legend={goalLabels.reflectionIds}
        options={reflections.map((r) => [r.id, r.what || 'Untitled reflection'])}
        value={d.reflectionIds}
        onChange={e.set('reflectionIds')}
        error={e.error('reflectionIds')}
        empty="Reflections you add in part 1 can be linked here."
      />
      <TextArea
        label={goalLabels.links}
        value={d.links}
        onChange={(ev) => e.set('links')(ev.target.value)}
        error={e.error('links')}
        hint="What it builds on, and what it could lead to."
      />
    </ItemCard>
  );
}

/** Topics as the learner types them, split on commas when they leave the field (so typing a comma is not lost). */
function TopicsField({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const [text, setText] = useState(value.join(', '));
  return (
    <Field
      label={goalLabels.topics}
      value={text}
      hint="Separate topics with commas, e.g. data literacy, facilitation."
      error={error}
      onChange={(ev) => setText(ev.target.value)}
      onBlur={() =>
        onChange(
          text
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        )
      }
    />
  );
}

function Milestones({
  value,
  onChange,
  error,
}: {
  value: GoalView['milestones'];
  onChange: (v: GoalView['milestones']) => void;
  error?: string;
}) {
  const update = (i: number, patch: Partial<GoalView['milestones'][number]>) =>
    onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  // A milestone just added starts empty, with the focus in its title, so the learner types straight away.
  const [added, setAdded] = useState<string | null>(null);
  const listRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (added) listRef.current?.querySelector<HTMLInputElement>(`[data-milestone-title="${added}"]`)?.focus();
  }, [added]);
  return (
    <fieldset className="milestones" ref={listRef}>
      <legend>{goalLabels.milestones}</legend>
      {value.map((m, i) => (
        <div className="milestone" key={m.id}>
          <label className="check">
            <input type="checkbox" checked={m.done} onChange={(ev) => update(i, { done: ev.target.checked })} />
            <span className="visually-hidden">Done: {m.title || `milestone ${i + 1}`}</span>
          </label>
          <Field
            label={`Milestone ${i + 1}`}
            value={m.title}
            onChange={(ev) => update(i, { title: ev.target.value })}
            maxLength={200}
            placeholder="e.g. First draft shared with my team"
            data-milestone-title={m.id}
          />
          <DateField label="Due" value={m.dueDate ?? null} onChange={(dueDate) => update(i, { dueDate })} />
          <button type="button" className="link danger" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            Remove<span className="visually-hidden"> milestone {i + 1}</span>
          </button>
        </div>
      ))}
      {error && <p className="field-error">{error}</p>}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          const id = crypto.randomUUID();
          onChange([...value, { id, title: '', dueDate: null, done: false }]);
          setAdded(id);
        }}
      >
        Add a milestone
      </button>
    </fieldset>
  );
}
