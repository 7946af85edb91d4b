import { Link, useNavigate, useParams } from 'react-router';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { useAchievements } from '../badges/badges-api';
import { Select, TextArea } from '../plans/plan-fields';
import { CohortsSection } from './programme-cohorts-section';
import { ThingForm, ThingItem } from './programme-thing-editor';
import { type ProgrammeOutlineView, useProgrammeEdits, useProgrammeOutline, type WeekView } from './programmes-api';

type Edits = ReturnType<typeof useProgrammeEdits>;
const statusLabel = { draft: 'Draft', published: 'Published', archived: 'Archived' } as const;

/** The author's editor: details, weeks and things, publishing, cohorts and the release calendar. */
export function ProgrammeEditorPage() {
  const { orgId = '', programmeId = '' } = useParams();
  const outline = useProgrammeOutline(programmeId);
  const edits = useProgrammeEdits(orgId, programmeId);
  const navigate = useNavigate();
  const p = outline.data;
  useTitle(p ? `Edit ${p.title}` : 'Programme');
  if (!p) {
    return (
      <section>
        <h1>Programme</h1>
        {outline.isPending && <p role="status">Loading the programme…</p>}
        <FormError error={outline.error} />
      </section>
    );
  }
  const released = p.status !== 'draft';
  return (
    <section>
      <p>
        <Link to={`/orgs/${orgId}/programmes/manage`}>All programmes</Link>
      </p>
      <h1>
        {p.title} <span className="badge">{statusLabel[p.status]}</span>
      </h1>
      <div className="actions">
        {p.status === 'draft' && (
          <button type="button" disabled={edits.step.isPending} onClick={() => edits.step.mutate('publish')}>
            Publish
          </button>
        )}
        {p.status === 'published' && (
          <button type="button" className="secondary" onClick={() => edits.step.mutate('archive')}>
            Archive
          </button>
        )}
        <button
          type="button"
          className="secondary"
          disabled={edits.copy.isPending}
          onClick={() =>
            edits.copy.mutate(undefined, {
              onSuccess: (copy) => navigate(`/orgs/${orgId}/programmes/manage/${copy.id}`),
            })
          }
        >
          Copy
        </button>
        <a className="button secondary" href={`/api/programmes/${p.id}/export`} download>
          Export (JSON)
        </a>
        <Link to={`/orgs/${orgId}/programmes/${p.id}`}>Preview as a learner</Link>
        {p.status !== 'draft' && (
          <Link to={`/orgs/${orgId}/programmes/manage/${p.id}/progress`}>Participants’ progress</Link>
        )}
      </div>
      <FormError error={edits.step.error ?? edits.copy.error} />
      <DetailsForm key={p.version} programme={p} edits={edits} />
      <WeeksSection programme={p} edits={edits} released={released} />
      <Calendar programme={p} />
      <CohortsSection programmeId={p.id} />
    </section>
  );
}

function DetailsForm({ programme: p, edits }: { programme: ProgrammeOutlineView; edits: Edits }) {
  const leave = useLeaveGuard();
  const badges = useAchievements(p.organizationId);
  const err = (f: string) => fieldError(edits.details.error, f);
  return (
    <form
      className="panel"
      aria-labelledby="details"
      {...leave.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        const d = new FormData(e.currentTarget);
        const text = (k: string) => String(d.get(k) ?? '');
        const cover = d.get('cover');
        if (cover instanceof File && cover.size > 0) edits.cover.mutate(cover);
        edits.details.mutate(
          {
            version: p.version,
            title: text('title'),
            summary: text('summary'),
            audience: text('audience'),
            tag: text('tag'),
            selfPaced: text('selfPaced') as ProgrammeOutlineView['selfPaced'],
            minOptional: Number(text('minOptional')) || 0,
            behindAfterDays: Number(text('behindAfterDays')) || 0,
            offersGoal: d.get('offersGoal') === 'on',
            achievementId: text('achievementId') || null,
          },
          { onSuccess: () => leave.sent() },
        );
      }}
    >
      <h2 id="details">Details</h2>
      <Field label="Title" name="title" required maxLength={120} defaultValue={p.title} error={err('title')} />
      <TextArea label="Summary" name="summary" defaultValue={p.summary} error={err('summary')} />
      <Field label="Who it is for" name="audience" defaultValue={p.audience} error={err('audience')} />
      <Field
        label="Tag for blog posts"
        name="tag"
        defaultValue={p.tag}
        hint="Participants put it on posts on their own blogs. Leave it empty to make one from the title."
        error={err('tag')}
      />
      <Select
        label="Self-paced"
        name="selfPaced"
        defaultValue={p.selfPaced}
        error={err('selfPaced')}
        options={[
          ['off', 'Off: cohorts only'],
          ['weekly', 'Weekly from enrolling'],
          ['all_at_once', 'Everything at once'],
        ]}
      />
      <Field
        label="Optional things needed to complete"
        name="minOptional"
        type="number"
        min={0}
        defaultValue={p.minOptional}
        hint="Besides every required thing."
        error={err('minOptional')}
      />
      <Field
        label="Remind someone this many days behind"
        name="behindAfterDays"
        type="number"
        min={0}
        defaultValue={p.behindAfterDays}
        hint="0: never."
        error={err('behindAfterDays')}
      />
      <Select
        label="Badge on completion"
        name="achievementId"
        defaultValue={p.achievementId ?? ''}
        hint={
          badges.data?.achievements.length === 0
            ? 'Define a badge under Organisation → Badges to award one when someone completes this programme.'
            : 'Awarded, as a verifiable credential, to each participant who completes the programme.'
        }
        error={err('achievementId')}
        options={[['', 'None'], ...(badges.data?.achievements ?? []).map((a): [string, string] => [a.id, a.name])]}
      />
      <div className="field">
        <label>
          <input type="checkbox" name="offersGoal" defaultChecked={p.offersGoal} /> Offer to add it to the learner’s
          plan as a goal
        </label>
      </div>
      <Field
        label="Cover image (optional)"
        name="cover"
        type="file"
        accept="image/png,image/jpeg,image/webp"
        hint={
          p.hasCover
            ? 'A cover is set; choose a file to replace it. PNG, JPEG or WebP, up to 2 MB.'
            : 'PNG, JPEG or WebP, up to 2 MB.'
        }
        error={fieldError(edits.cover.error, 'file')}
      />
      {p.hasCover && <img className="programme-cover" src={`/api/programmes/${p.id}/cover?v=${p.version}`} alt="" />}
      <FormError error={edits.details.error ?? edits.cover.error} />
      <button type="submit" disabled={edits.details.isPending}>
        Save details
      </button>
      {leave.question}
    </form>
  );
}

function WeeksSection({
  programme: p,
  edits,
  released,
}: {
  programme: ProgrammeOutlineView;
  edits: Edits;
  released: boolean;
}) {
  return (
    <section aria-labelledby="weeks">
      <h2 id="weeks">Weeks and things</h2>
      <FormError
        error={edits.changeWeek.error ?? edits.removeWeek.error ?? edits.removeThing.error ?? edits.changeThing.error}
      />
      <ol className="programme-weeks">
        {p.weeks.map((week, i) => (
          <WeekItem key={week.id} programme={p} week={week} index={i} edits={edits} released={released} />
        ))}
      </ol>
      <button type="button" className="secondary" onClick={() => edits.addWeek.mutate({ title: '', catchUp: false })}>
        Add a week
      </button>
    </section>
  );
}

function WeekItem({
  programme: p,
  week,
  index,
  edits,
  released,
}: {
  programme: ProgrammeOutlineView;
  week: WeekView;
  index: number;
  edits: Edits;
  released: boolean;
}) {
  const name = `Week ${index + 1}${week.title ? `: ${week.title}` : ''}`;
  return (
    <li>
      <h3>
        {name}
        {week.catchUp && ' (catch-up week)'}
      </h3>
      <form
        className="inline-form"
        aria-label={`Rename ${name}`}
        onSubmit={(e) => {
          e.preventDefault();
          edits.changeWeek.mutate({ weekId: week.id, title: String(new FormData(e.currentTarget).get('title') ?? '') });
        }}
      >
        <Field label={`Title of week ${index + 1}`} name="title" defaultValue={week.title} maxLength={120} />
        <button type="submit" className="secondary">
          Rename<span className="visually-hidden"> week {index + 1}</span>
        </button>
      </form>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={index === 0}
          onClick={() => edits.changeWeek.mutate({ weekId: week.id, position: index - 1 })}
        >
          Move up<span className="visually-hidden"> week {index + 1}</span>
        </button>
        <button
          type="button"
          className="secondary"
          disabled={index === p.weeks.length - 1}
          onClick={() => edits.changeWeek.mutate({ weekId: week.id, position: index + 1 })}
        >
          Move down<span className="visually-hidden"> week {index + 1}</span>
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => edits.changeWeek.mutate({ weekId: week.id, catchUp: !week.catchUp })}
        >
          {week.catchUp ? 'Not a catch-up week' : 'Mark as catch-up week'}
          <span className="visually-hidden"> (week {index + 1})</span>
        </button>
        {week.things.length === 0 && (
          <button type="button" className="secondary" onClick={() => edits.removeWeek.mutate(week.id)}>
            Remove<span className="visually-hidden"> week {index + 1}</span>
          </button>
        )}
      </div>
      {week.things.length === 0 && !week.catchUp && (
        <p className="hint">No things yet: add one below, or mark it a catch-up week, a week to catch one’s breath.</p>
      )}
      <ol className="programme-things">
        {week.things.map((thing) => (
          <ThingItem
            key={thing.id}
            programmeId={p.id}
            thing={thing}
            week={week}
            weeks={p.weeks}
            released={released}
            edits={edits}
          />
        ))}
      </ol>
      <details>
        <summary>Add a thing to week {index + 1}</summary>
        <ThingForm
          released={released}
          busy={edits.addThing.isPending}
          error={edits.addThing.error}
          onSave={(body, done) =>
            edits.addThing.mutate({ weekId: week.id, ...(body as { title: string }) }, { onSuccess: done })
          }
        />
      </details>
    </li>
  );
}

/** When each week comes out for a cohort starting next Monday (catch-up weeks release nothing). */
function Calendar({ programme: p }: { programme: ProgrammeOutlineView }) {
  const dates = new Map(p.sampleCalendar.weeks.map((w) => [w.weekId, w.releasedOn]));
  return (
    <section aria-labelledby="calendar">
      <h2 id="calendar">Release calendar</h2>
      <p className="hint">For a cohort starting on {formatDay(p.sampleCalendar.startsOn)}:</p>
      <ul>
        {p.weeks.map((w, i) => (
          <li key={w.id}>
            Week {i + 1}
            {w.title && ` (${w.title})`}: {formatDay(dates.get(w.id) ?? p.sampleCalendar.startsOn)}
            {w.catchUp ? ', catch-up' : `, ${w.things.length} ${w.things.length === 1 ? 'thing' : 'things'}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
