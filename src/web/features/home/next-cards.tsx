import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { shareHowLabels } from '../../../features/plans/labels';
import type { HomeView } from './home-api';
import { whenLabel } from './home-dates';
import { NextStepCards } from './next-steps';

/** One thing to do next: what it is, a line of why or what, and its one action. */
function NextCard({ title, children, to, action }: { title: string; children: ReactNode; to: string; action: string }) {
  return (
    <li>
      <article className="card next-card">
        <h3>{title}</h3>
        {children}
        <Link className="button" to={to}>
          {action}
        </Link>
      </article>
    </li>
  );
}

/** The guide of the current plan: start it, carry on where the learner left it, or (done) what comes after it. */
function GuideCards({ home, orgId }: { home: HomeView; orgId: string }) {
  const { guide } = home;
  if (!guide) {
    return (
      <NextCard title="Start your learning plan" to={`/orgs/${orgId}/plans`} action="Start a plan">
        <p>
          The guide walks you through four parts, one question at a time: what you enjoyed learning, your goals, the
          people who can help, and how you will share what you learn.
        </p>
      </NextCard>
    );
  }
  const base = `/orgs/${orgId}/plans/${guide.planId}`;
  if (guide.state === 'done') return <NextStepCards steps={home.nextSteps} planBase={base} />;
  const started = guide.state === 'in_progress';
  return (
    <NextCard
      title={started ? `Continue your ${guide.cycle} plan` : `Start the guide for ${guide.cycle}`}
      to={`${base}/guide/${guide.part}/${guide.step}`}
      action={started ? 'Continue the guide' : 'Start the guide'}
    >
      {started ? (
        <p>
          Next: {guide.nextCheck}. {guide.checksDone} of {guide.checksTotal} done.
        </p>
      ) : (
        <p>Four parts, one question at a time. Leave whenever you like: it remembers where you were.</p>
      )}
    </NextCard>
  );
}

/** What others wait for from the person: reviews to sign, mentoring requests, suggestions and comments. */
function RequestCards({ home, orgId }: { home: HomeView; orgId: string }) {
  const { reviews, mentoring, openSuggestions, unseenComments } = home.requests;
  const planBase = home.guide && `/orgs/${orgId}/plans/${home.guide.planId}`;
  return (
    <>
      {reviews.map((r) => (
        <NextCard
          key={r.reviewId}
          title={`${r.learnerName} asked for your review`}
          to={`/orgs/${orgId}/reviews/${r.reviewId}`}
          action={`Open ${r.learnerName}’s review`}
        >
          <p>
            {r.kind === 'agreement' ? 'The learning agreement' : 'The year-end review'} of their {r.cycle} plan waits
            for your note and signature.
          </p>
        </NextCard>
      ))}
      {mentoring.length > 0 && (
        <NextCard
          title={mentoring.length === 1 ? 'A request to mentor' : `${mentoring.length} requests to mentor`}
          to={`/orgs/${orgId}/enlistments`}
          action="Answer mentoring requests"
        >
          <p>{mentoring.map((m) => m.learnerName).join(', ')} asked whether you would help them learn.</p>
        </NextCard>
      )}
      {openSuggestions > 0 && planBase && (
        <NextCard
          title={openSuggestions === 1 ? 'A suggestion on your plan' : `${openSuggestions} suggestions on your plan`}
          to={`${planBase}/goals`}
          action="Read the suggestions"
        >
          <p>Someone you share with suggested new wording. Accept it or leave your own.</p>
        </NextCard>
      )}
      {unseenComments.length > 0 && (
        <NextCard title="New comments" to="/notifications" action="See all notifications">
          <ul className="next-items">
            {unseenComments.map((c) => (
              <li key={[c.createdAt, c.title].join(' ')}>{c.link ? <Link to={c.link}>{c.title}</Link> : c.title}</li>
            ))}
          </ul>
        </NextCard>
      )}
    </>
  );
}

/** The plan's rhythm: a check-in due, sharing commitments behind, dates coming up. */
function PlanRhythmCards({ home, orgId }: { home: HomeView; orgId: string }) {
  const { checkinDue, sharingBehind, upcoming, today } = home;
  const planBase = home.guide && `/orgs/${orgId}/plans/${home.guide.planId}`;
  if (!planBase) return null;
  return (
    <>
      {checkinDue && (
        <NextCard title="Time for a check-in" to={`${planBase}/checkins`} action="Check in now">
          <p>
            Due {whenLabel(checkinDue.dueOn, today)}: a few minutes on what you are learning, what is working and what
            you will try next.
          </p>
        </NextCard>
      )}
      {sharingBehind.length > 0 && (
        <NextCard title="Sharing to catch up on" to={`${planBase}/sharing`} action="Record or adjust a share">
          <ul className="next-items">
            {sharingBehind.map((s) => (
              <li key={s.shareId}>
                {shareHowLabels[s.how as keyof typeof shareHowLabels] ?? 'A share'} about{' '}
                {s.goalWhat ? `“${s.goalWhat}”` : 'your learning'}: {s.done} of {s.expected} done
              </li>
            ))}
          </ul>
        </NextCard>
      )}
      {upcoming.length > 0 && (
        <NextCard title="Coming up" to={`${planBase}/goals`} action="Open your goals">
          <ul className="next-items">
            {upcoming.map((u) => (
              <li key={`${u.kind}${u.goalId}${u.date}${u.title}`}>
                <strong>{whenLabel(u.date, today)}</strong>:{' '}
                {u.kind === 'target_date'
                  ? `target date of “${u.title}”`
                  : u.kind === 'milestone'
                    ? `milestone “${u.title}”`
                    : u.title.toLowerCase()}
              </li>
            ))}
          </ul>
        </NextCard>
      )}
    </>
  );
}

/** The programmes the person takes part in: how far they are, what comes next, and "Catch up" when behind. */
function ProgrammeCards({ home, orgId }: { home: HomeView; orgId: string }) {
  return (
    <>
      {home.programmes.map((p) => {
        const base = `/orgs/${orgId}/programmes/${p.programmeId}`;
        return (
          <NextCard
            key={p.enrolmentId}
            title={p.title}
            to={p.catchUp ? `${base}/things/${p.catchUp.thingId}` : base}
            action={p.catchUp ? 'Catch up' : 'Open the programme'}
          >
            <p>
              {p.doneCount} of {p.totalCount} things done.{p.next && ` Next: ${p.next.label}.`}
            </p>
          </NextCard>
        );
      })}
    </>
  );
}

/** Everything next for the person, as one list of cards; a calm line when nothing waits. */
export function NextCards({ home, orgId }: { home: HomeView; orgId: string }) {
  const nothing =
    home.guide?.state === 'done' &&
    home.nextSteps.length === 0 &&
    !home.checkinDue &&
    home.sharingBehind.length === 0 &&
    home.upcoming.length === 0 &&
    home.requests.reviews.length === 0 &&
    home.requests.mentoring.length === 0 &&
    home.requests.openSuggestions === 0 &&
    home.requests.unseenComments.length === 0 &&
    home.programmes.length === 0;
  if (nothing) {
    return (
      <p className="notice">
        Nothing is waiting for you: your plan is in shape and nobody is waiting for an answer. Note something you
        learned today in <Link to={`/orgs/${orgId}/log`}>your log</Link>.
      </p>
    );
  }
  return (
    <ul className="next-list" aria-labelledby="next-heading">
      <RequestCards home={home} orgId={orgId} />
      <GuideCards home={home} orgId={orgId} />
      <ProgrammeCards home={home} orgId={orgId} />
      <PlanRhythmCards home={home} orgId={orgId} />
    </ul>
  );
}
