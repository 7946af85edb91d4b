import { useState } from 'react';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { SaveOrCancel } from '../../components/save-or-cancel';
import { useTitle } from '../../components/use-title';
import { ApiError, fieldError } from '../../lib/api';
import { confirmDone } from '../../ui/toasts';
import { AdminsOnly } from './admins-only';
import { plural } from './insight-format';
import {
  type OrgTopic,
  type TopicSuggestion,
  useAnswerSuggestion,
  useDeleteTopic,
  useSaveTopic,
  useTopicSuggestions,
  useTopics,
} from './insights-api';
import { InsightsTabs } from './insights-page';

/**
 * The organisation's topic list: learners write topics in their own words, and the list folds words that mean
 * the same onto one topic so that figures count them together. Suggestions come from words at least k
 * learners use; "Not the same" keeps a pair from being suggested again.
 */
export function TopicsPage() {
  useTitle('Topic list');
  return <AdminsOnly>{(org) => <TopicsOfOrg orgId={org.id} />}</AdminsOnly>;
}

function TopicsOfOrg({ orgId }: { orgId: string }) {
  return (
    <section className="insights">
      <h1>Insights: topic list</h1>
      <InsightsTabs orgId={orgId} />
      <p className="lead">
        Learners name their goals’ topics in their own words. Topics on this list gather the words that mean the same,
        so the figures count them together. Every change is counted at once.
      </p>
      <Suggestions orgId={orgId} onAnswered={confirmDone} />
      <TopicList orgId={orgId} onChanged={confirmDone} />
    </section>
  );
}

function Suggestions({ orgId, onAnswered }: { orgId: string; onAnswered: (message: string) => void }) {
  const suggestions = useTopicSuggestions(orgId);
  const answer = useAnswerSuggestion(orgId);
  const answerWith = (kind: 'merge' | 'dismiss', s: TopicSuggestion) =>
    answer.mutate(
      { answer: kind, phrase: s.phrase, target: s.target },
      {
        onSuccess: () =>
          onAnswered(
            kind === 'merge'
              ? `“${s.phrase}” now counts as “${s.target}”.`
              : `“${s.phrase}” and “${s.target}” will not be suggested again.`,
          ),
      },
    );
  return (
    <section className="panel" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">Merge suggestions</h2>
      <FormError error={suggestions.error ?? answer.error} />
      {suggestions.isPending && <p role="status">Looking for similar words…</p>}
      {suggestions.data?.suggestions.length === 0 && (
        <p>No suggestions now. Words that enough learners use and that look like another topic appear here.</p>
      )}
      <ul className="suggestion-list">
        {suggestions.data?.suggestions.map((s) => (
          <li key={`${s.phrase}→${s.target}`} className="list-row">
            <p>
              <strong>“{s.phrase}”</strong> ({plural(s.learners, 'learner', 'learners')}) looks like{' '}
              <strong>“{s.target}”</strong> {s.targetListed ? '(on the list)' : '(learners’ own words)'}.
            </p>
            <div className="row-actions">
              <button type="button" disabled={answer.isPending} onClick={() => answerWith('merge', s)}>
                Merge
                <span className="visually-hidden">
                  {' '}
                  “{s.phrase}” into “{s.target}”
                </span>
              </button>
              <button
                type="button"
                className="secondary"
                disabled={answer.isPending}
                onClick={() => answerWith('dismiss', s)}
              >
                Not the same
                <span className="visually-hidden">
                  : “{s.phrase}” and “{s.target}”
                </span>
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TopicList({ orgId, onChanged }: { orgId: string; onChanged: (message: string) => void }) {
  const topics = useTopics(orgId);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="topics-title">
      <h2 id="topics-title">Topics on the list</h2>
      <FormError error={topics.error} />
      {topics.data?.topics.length === 0 && <p>No topics yet: learners’ words count as they are written.</p>}
      <ul className="topic-list">
        {topics.data?.topics.map((t) => (
          <li key={t.id} className="list-row">
            {editing === t.id ? (
              <TopicForm
                orgId={orgId}
                topic={t}
                onCancel={() => setEditing(null)}
                onSaved={(saved) => {
                  setEditing(null);
                  onChanged(`“${saved.name}” is saved.`);
                }}
              />
            ) : (
              <TopicItem orgId={orgId} topic={t} onEdit={() => setEditing(t.id)} onDeleted={onChanged} />
            )}
          </li>
        ))}
      </ul>
      <h3>Add a topic</h3>
      <TopicForm orgId={orgId} onSaved={(saved) => onChanged(`“${saved.name}” is on the list.`)} />
    </section>
  );
}

function TopicItem({
  orgId,
  topic: t,
  onEdit,
  onDeleted,
}: {
  orgId: string;
  topic: OrgTopic;
  onEdit: () => void;
  onDeleted: (message: string) => void;
}) {
  const remove = useDeleteTopic(orgId);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <p>
        <strong>{t.name}</strong>
        <br />
        <span className="muted">
          {t.synonyms.length > 0 ? `Also: ${t.synonyms.join(', ')}` : 'No other names yet.'}
        </span>
      </p>
      {confirming ? (
        <div className="row-actions" role="group" aria-label={`Take ${t.name} off the list?`}>
          <span>Take it off the list? Learners’ words count as themselves again.</span>
          <button
            type="button"
            className="danger"
            disabled={remove.isPending}
            // Not mutate's own onSuccess: the refreshed list no longer holds this topic, so this item may be
            // gone before that would run (TanStack Query skips it then) and the news with it. The promise
            // still settles; a failure keeps the item, which shows remove.error.
            onClick={() =>
              remove.mutateAsync(t.id).then(
                () => onDeleted(`“${t.name}” is off the list.`),
                () => {},
              )
            }
          >
            Take it off
          </button>
          {/* The question replaced the button that asked it: the focus goes to the safe answer. */}
          <button type="button" className="secondary" autoFocus onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="row-actions">
          <button type="button" className="secondary" onClick={onEdit}>
            Edit<span className="visually-hidden"> {t.name}</span>
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            Delete<span className="visually-hidden"> {t.name}</span>
          </button>
        </div>
      )}
      <FormError error={remove.error} />
    </>
  );
}

const namesFrom = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The other names' error, wherever in the list it was (the server names e.g. "synonyms.2"). */
const synonymsError = (error: unknown) =>
  error instanceof ApiError
    ? Object.entries(error.fields).find(([field]) => field.startsWith('synonyms'))?.[1]
    : undefined;

function TopicForm({
  orgId,
  topic,
  onSaved,
  onCancel,
}: {
  orgId: string;
  topic?: OrgTopic;
  onSaved: (topic: OrgTopic) => void;
  onCancel?: () => void;
}) {
  const save = useSaveTopic(orgId, topic?.id);
  const [name, setName] = useState(topic?.name ?? '');
  const [synonyms, setSynonyms] = useState(topic?.synonyms.join(', ') ?? '');
  return (
    <form
      className="topic-form"
      aria-label={topic ? `Edit ${topic.name}` : 'Add a topic'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { name, synonyms: namesFrom(synonyms), ...(topic && { version: topic.version }) },
          {
            onSuccess: (saved) => {
              if (!topic) {
                setName('');
                setSynonyms('');
              }
              onSaved(saved);
            },
          },
        );
      }}
    >
      <FormError error={save.error} />
      <div className="inline-form">
        {/* Editing replaces the topic's line: the focus follows into its first field. */}
        <Field
          label="Topic"
          value={name}
          autoFocus={Boolean(topic)}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(save.error, 'name')}
        />
        <Field
          label="Other names"
          value={synonyms}
          onChange={(e) => setSynonyms(e.target.value)}
          hint="Separate them with commas, for example: dataviz, charts."
          error={synonymsError(save.error)}
        />
      </div>
      {onCancel ? (
        <SaveOrCancel pending={save.isPending} onCancel={onCancel} />
      ) : (
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            Add the topic
          </button>
        </div>
      )}
    </form>
  );
}
