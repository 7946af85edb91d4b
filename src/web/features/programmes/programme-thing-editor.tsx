import { useState } from 'react';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { SaveOrCancel } from '../../components/save-or-cancel';
import { fieldError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { submitGuarded, useLeaveGuard } from '../../lib/use-leave-guard';
import { TextArea } from '../plans/plan-fields';
import { type ThingView, type useProgrammeEdits, useThingRevisions, type WeekView } from './programmes-api';

type Edits = ReturnType<typeof useProgrammeEdits>;

/** Links are written one a line as "Title | https://…": plain text, no widget to learn. */
const linksText = (links: ThingView['links']) => links.map((l) => `${l.title} | ${l.url}`).join('\n');
const parseLinks = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [title = '', ...rest] = line.split('|');
      const url = rest.join('|').trim();
      return url ? { title: title.trim(), url } : { title: title.trim(), url: title.trim() };
    });

/** The fields of a thing, in a form: for a new one (`thing` undefined) or to edit one in place. */
export function ThingForm({
  thing,
  released,
  busy,
  error,
  onSave,
  onCancel,
}: {
  thing?: ThingView;
  released: boolean;
  busy: boolean;
  error: unknown;
  onSave: (body: Record<string, unknown>, done: () => void) => void;
  onCancel?: () => void;
}) {
  const leave = useLeaveGuard();
  const err = (f: string) => fieldError(error, f);
  const linkError = Object.entries((error as { fields?: Record<string, string> } | null)?.fields ?? {}).find(([k]) =>
    k.startsWith('links'),
  )?.[1];
  return (
    <form
      className="panel"
      aria-label={thing ? `Edit ${thing.title}` : 'New thing'}
      {...leave.formProps}
      onSubmit={submitGuarded(
        leave,
        (text, d) => ({
          title: text('title'),
          body: text('body'),
          task: text('task'),
          prompt: text('prompt'),
          links: parseLinks(text('links')),
          minutes: Number(text('minutes')) || 15,
          minWords: Number(text('minWords')) || 0,
          required: d.get('required') === 'on',
          ...(released && { tellParticipants: d.get('tell') === 'on' }),
        }),
        onSave,
        !thing,
      )}
    >
      <Field label="Title" name="title" required maxLength={160} defaultValue={thing?.title} error={err('title')} />
      <TextArea
        label="What it is and how to try it (Markdown)"
        name="body"
        rows={6}
        defaultValue={thing?.body}
        error={err('body')}
      />
      <TextArea label="The task" name="task" defaultValue={thing?.task} error={err('task')} />
      <TextArea label="Reflection prompt" name="prompt" defaultValue={thing?.prompt} error={err('prompt')} />
      <TextArea
        label="Links"
        name="links"
        hint="One a line: a title, a bar, then an http(s) address. Example: Markdown guide | https://commonmark.org/help/"
        defaultValue={thing ? linksText(thing.links) : ''}
        error={linkError}
      />
      <Field
        label="Minutes"
        name="minutes"
        type="number"
        min={1}
        max={600}
        defaultValue={thing?.minutes ?? 15}
        error={err('minutes')}
      />
      <Field
        label="Minimum words in a reflection"
        name="minWords"
        type="number"
        min={0}
        max={2000}
        defaultValue={thing?.minWords ?? 0}
        hint="0: any length."
        error={err('minWords')}
      />
      <div className="field">
        <label>
          <input type="checkbox" name="required" defaultChecked={thing?.required ?? true} /> Required for completion
        </label>
      </div>
      {released && thing && (
        <div className="field">
          <label>
            <input type="checkbox" name="tell" /> Tell participants about this change
          </label>
          <p className="hint">The previous version is kept in the thing’s history either way.</p>
        </div>
      )}
      <FormError error={error} />
      <SaveOrCancel saveLabel={thing ? 'Save the thing' : 'Add the thing'} pending={busy} onCancel={onCancel} />
      {leave.question}
    </form>
  );
}

/** One thing in the editor's outline: move it by buttons, edit it in place, read its history. */
export function ThingItem({
  programmeId,
  thing,
  week,
  weeks,
  released,
  edits,
}: {
  programmeId: string;
  thing: ThingView;
  week: WeekView;
  weeks: WeekView[];
  released: boolean;
  edits: Edits;
}) {
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const index = week.things.findIndex((t) => t.id === thing.id);
  const w = weeks.findIndex((x) => x.id === week.id);
  const prev = weeks[w - 1];
  const next = weeks[w + 1];
  const move = (to: { weekId?: string; index: number }) =>
    edits.changeThing.mutate({ thingId: thing.id, version: thing.version, ...to });
  const up =
    index > 0
      ? () => move({ index: index - 1 })
      : prev
        ? () => move({ weekId: prev.id, index: prev.things.length })
        : undefined;
  const down =
    index < week.things.length - 1
      ? () => move({ index: index + 1 })
      : next
        ? () => move({ weekId: next.id, index: 0 })
        : undefined;
  return (
    <li>
      <article aria-label={`Thing ${thing.number}: ${thing.title}`}>
        <h4>
          {thing.number}. {thing.title}{' '}
          <span className="hint">
            ({thing.minutes} min{thing.required ? '' : ', optional'})
          </span>
        </h4>
        <div className="actions">
          <button type="button" className="secondary" disabled={!up || edits.changeThing.isPending} onClick={up}>
            Move up<span className="visually-hidden"> {thing.title}</span>
          </button>
          <button type="button" className="secondary" disabled={!down || edits.changeThing.isPending} onClick={down}>
            Move down<span className="visually-hidden"> {thing.title}</span>
          </button>
          <button type="button" className="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            Edit<span className="visually-hidden"> {thing.title}</span>
          </button>
          {released && (
            <button type="button" className="secondary" aria-expanded={history} onClick={() => setHistory(!history)}>
              History<span className="visually-hidden"> of {thing.title}</span>
            </button>
          )}
          <button type="button" className="secondary" onClick={() => edits.removeThing.mutate(thing.id)}>
            Remove<span className="visually-hidden"> {thing.title}</span>
          </button>
        </div>
        {editing && (
          <ThingForm
            thing={thing}
            released={released}
            busy={edits.changeThing.isPending}
            error={edits.changeThing.error}
            onCancel={() => setEditing(false)}
            onSave={(body, done) =>
              edits.changeThing.mutate(
                { thingId: thing.id, version: thing.version, ...body },
                {
                  onSuccess: () => {
                    done();
                    setEditing(false);
                  },
                },
              )
            }
          />
        )}
        {history && <ThingHistory programmeId={programmeId} thingId={thing.id} />}
      </article>
    </li>
  );
}

function ThingHistory({ programmeId, thingId }: { programmeId: string; thingId: string }) {
  const revisions = useThingRevisions(programmeId, thingId, true);
  const list = revisions.data?.revisions ?? [];
  return (
    <section className="panel" aria-label="History">
      <h5>History</h5>
      <FormError error={revisions.error} />
      {revisions.isSuccess && list.length === 0 && <p className="hint">No changes since it was published.</p>}
      <ol>
        {list.map((r) => (
          <li key={r.id}>
            Version {r.version}, replaced {formatDateTime(r.createdAt)} by {r.editedBy ?? 'someone who has left'}
            {r.participantsTold ? ' (participants were told)' : ''}: “{String(r.snapshot.title ?? '')}”
          </li>
        ))}
      </ol>
    </section>
  );
}
