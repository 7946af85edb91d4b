import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import {
  type EnrolmentView,
  type ProgrammeOverview,
  useEnrolment,
  useLearningActions,
  useOverview,
} from './programme-learning-api';

/** A programme: its outline and how to take part, or, once enrolled, "this week". */
export function ProgrammePage() {
  const { orgId = '', programmeId = '' } = useParams();
  const overview = useOverview(programmeId);
  useTitle(overview.data?.title ?? 'Programme');
  const enrolment = overview.data?.enrolment;
  const taking = enrolment && enrolment.status !== 'left' ? enrolment : undefined;
  return (
    <section>
      {overview.isPending && <p role="status">Loading the programme…</p>}
      <FormError error={overview.error} />
      {overview.data && (
        <>
          {overview.data.preview && <p className="notice neutral">{overview.data.preview}</p>}
          <h1>{overview.data.title}</h1>
          {overview.data.summary && <p className="lead">{overview.data.summary}</p>}
          {taking ? (
            <ThisWeek orgId={orgId} programmeId={programmeId} enrolmentId={taking.id} />
          ) : (
            <EnrolForm programme={overview.data} />
          )}
          <Outline orgId={orgId} programme={overview.data} enrolled={Boolean(taking)} />
        </>
      )}
    </section>
  );
}

function EnrolForm({ programme: p }: { programme: ProgrammeOverview }) {
  const actions = useLearningActions(p.id);
  const [cohortId, setCohortId] = useState(p.cohorts[0]?.id ?? (p.selfPaced === 'off' ? '' : 'alone'));
  const canAlone = p.selfPaced !== 'off';
  const nothingOpen = !canAlone && p.cohorts.length === 0;
  return (
    <form
      className="panel"
      aria-labelledby="enrol-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        actions.enrol.mutate({
          ...(cohortId !== 'alone' && cohortId ? { cohortId } : {}),
          addGoal: data.get('addGoal') === 'on',
        });
      }}
    >
      <h2 id="enrol-heading">Take part</h2>
      <p>{p.organisersSee}</p>
      {nothingOpen ? (
        <p className="hint">No cohort is open to join just now.</p>
      ) : (
        <fieldset className="choice choice-column">
          <legend>How you take part</legend>
          {p.cohorts.map((c) => (
            <label key={c.id} className="choice">
              <input
                type="radio"
                name="cohort"
                value={c.id}
                checked={cohortId === c.id}
                onChange={() => setCohortId(c.id)}
              />
              With {c.name}, from {formatDay(c.startsOn)}
              {c.placesLeft !== null && ` (${c.placesLeft} ${c.placesLeft === 1 ? 'place' : 'places'} left)`}
            </label>
          ))}
          {canAlone && (
            <label className="choice">
              <input
                type="radio"
                name="cohort"
                value="alone"
                checked={cohortId === 'alone'}
                onChange={() => setCohortId('alone')}
              />
              On my own, from today
            </label>
          )}
          {fieldError(actions.enrol.error, 'cohortId') && (
            <p className="field-error">{fieldError(actions.enrol.error, 'cohortId')}</p>
          )}
        </fieldset>
      )}
      {p.offersGoal && (
        <label className="check">
          <input type="checkbox" name="addGoal" defaultChecked /> Add it to my plan as a goal, with its weeks as
          milestones
        </label>
      )}
      <FormError error={actions.enrol.error} />
      <div className="actions">
        <button type="submit" disabled={actions.enrol.isPending || nothingOpen || p.status !== 'published'}>
          Enrol
        </button>
      </div>
    </form>
  );
}

function ThisWeek({ orgId, programmeId, enrolmentId }: { orgId: string; programmeId: string; enrolmentId: string }) {
  const view = useEnrolment(enrolmentId);
  const actions = useLearningActions(programmeId, enrolmentId);
  const v: EnrolmentView | undefined = view.data;
  const thingUrl = (thingId: string) => `/orgs/${orgId}/programmes/${programmeId}/things/${thingId}`;
  return (
    <section aria-labelledby="this-week" className="panel">
      <h2 id="this-week">This week</h2>
      {view.isPending && <p role="status">Loading your progress…</p>}
      <FormError error={view.error ?? actions.leave.error} />
      {v && (
        <>
          <p>
            {v.doneCount} of {v.totalCount} things done
            {v.cohort && (
              <>
                {' · '}
                <Link to={`/orgs/${orgId}/cohorts/${v.cohort.id}`}>{v.cohort.name}</Link>
              </>
            )}
          </p>
          {v.completed && (
            <p className="notice on-track">
              You completed it. <a href={`/api/enrolments/${enrolmentId}/certificate.pdf`}>Download your certificate</a>
            </p>
          )}
          {v.inCatchUpWeek && (
            <p className="notice neutral">A catch-up week: nothing new, time to catch your breath.</p>
          )}
          {v.catchUp && (v.behind || v.inCatchUpWeek) && (
            <p className="notice">
              You are {v.daysBehind} days behind. <Link to={thingUrl(v.catchUp.thingId)}>Catch up</Link> with thing{' '}
              {v.catchUp.number}.
            </p>
          )}
          <p>
            <Link to={`/orgs/${orgId}/programmes/${programmeId}/blog`}>Your blog</Link>{' '}
            <span className="hint">(use posts on your own blog as reflections)</span>
          </p>
          {v.next && <p className="hint">Next: {v.next.label}</p>}
          {v.inLastWeek && !v.completed && <p className="hint">The last week is out.</p>}
          <ol>
            {v.things
              .filter((t) => t.released)
              .map((t) => (
                <li key={t.id} value={t.number}>
                  <Link to={thingUrl(t.id)}>{t.title}</Link>{' '}
                  <span className="hint">
                    {t.done ? 'done' : t.reflection ? 'reflected' : t.triedAt ? 'tried' : 'to try'}
                    {!t.required && ' · optional'}
                  </span>
                </li>
              ))}
          </ol>
          {!v.completed && (
            <button type="button" className="secondary" onClick={() => actions.leave.mutate()}>
              Leave the programme
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Outline({
  orgId,
  programme: p,
  enrolled,
}: {
  orgId: string;
  programme: ProgrammeOverview;
  enrolled: boolean;
}) {
  return (
    <section aria-labelledby="outline">
      <h2 id="outline">Outline</h2>
      <ol className="plain">
        {p.weeks.map((w) => (
          <li key={w.id}>
            <h3>
              {w.title || `Week ${w.position + 1}`}
              {w.catchUp && !/catch.?up/i.test(w.title) && ' (catch-up week)'}
            </h3>
            {!enrolled && w.releasedOn && <p className="hint">Out on {formatDay(w.releasedOn)} if you start today</p>}
            <ul>
              {w.things.map((t) => (
                <li key={t.id}>
                  {enrolled ? (
                    <Link to={`/orgs/${orgId}/programmes/${p.id}/things/${t.id}`}>
                      {t.number}. {t.title}
                    </Link>
                  ) : (
                    `${t.number}. ${t.title}`
                  )}{' '}
                  <span className="hint">
                    {t.minutes} min{t.required ? '' : ' · optional'}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
