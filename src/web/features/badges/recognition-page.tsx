import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { formatDateOf } from '../../lib/dates';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { confirmDone } from '../../ui/toasts';
import { Select, TextArea } from '../plans/plan-fields';
import { useMyPortfolio } from '../portfolio/portfolio-api';
import {
  type RecognitionView,
  useAskForRecognition,
  useMyRequests,
  useRequestableAchievements,
} from './recognition-api';
import { RequestsToDecide } from './requests-to-decide';

/**
 * Recognition: a learner asks for one of the organisation's achievements for a goal they achieved and sees where
 * their requests stand; their supervisor, L&D admins and owners see the requests waiting for them.
 */
export function RecognitionPage() {
  const { orgId = '' } = useParams();
  useTitle('Recognition');
  return (
    <section>
      <h1>Recognition</h1>
      <p className="lead">
        Ask for a badge for a goal you achieved. Your supervisor or an L&amp;D admin reads your message and the goal’s
        evidence, then awards the badge or tells you why not.
      </p>
      <RequestsToDecide orgId={orgId} />
      <AskForm orgId={orgId} />
      <MyRequests orgId={orgId} />
    </section>
  );
}

function AskForm({ orgId }: { orgId: string }) {
  const [search] = useSearchParams();
  const portfolio = useMyPortfolio(orgId);
  const achievements = useRequestableAchievements(orgId);
  const ask = useAskForRecognition(orgId);
  const leave = useLeaveGuard();
  const goals = portfolio.data?.goals ?? [];
  const offered = achievements.data?.achievements ?? [];
  const [goalId, setGoalId] = useState(search.get('goal') ?? '');
  const chosenGoal = goals.find((g) => g.id === goalId) ?? goals[0];
  const error = (f: string) => fieldError(ask.error, f);
  if (portfolio.isPending || achievements.isPending) return <p role="status">Loading…</p>;
  return (
    <form
      className="panel"
      aria-labelledby="ask-heading"
      {...leave.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        if (!chosenGoal) return;
        ask.mutate(
          {
            planId: chosenGoal.planId,
            goalId: chosenGoal.id,
            achievementId: String(data.get('achievementId') ?? ''),
            message: String(data.get('message') ?? ''),
          },
          {
            onSuccess: () => {
              form.reset();
              confirmDone('Asked. You will be told when it is answered.');
            },
          },
        );
      }}
    >
      <h2 id="ask-heading">Ask for recognition</h2>
      <FormError error={portfolio.error ?? achievements.error} />
      {goals.length === 0 ? (
        <p className="notice">
          When you mark a goal as achieved you can ask for recognition of it.{' '}
          <Link to={`/orgs/${orgId}/plans`}>Go to your plans</Link>
        </p>
      ) : offered.length === 0 ? (
        <p className="notice">Your organisation has no achievements open to requests yet.</p>
      ) : (
        <>
          <Select
            label="Achieved goal"
            name="goalId"
            value={chosenGoal?.id}
            onChange={(e) => setGoalId(e.target.value)}
            options={goals.map((g) => [g.id, g.what])}
            error={error('goalId')}
            hint="Its evidence goes with your request."
          />
          <Select
            label="Achievement"
            name="achievementId"
            options={offered.map((a) => [a.id, a.name])}
            error={error('achievementId')}
          />
          <TextArea
            label="Your message"
            name="message"
            required
            maxLength={2000}
            hint="What you did, and why it meets the achievement’s criteria."
            error={error('message')}
          />
          <FormError error={ask.error} />
          <button type="submit" disabled={ask.isPending}>
            Ask for recognition
          </button>
        </>
      )}
      {leave.question}
    </form>
  );
}

const stateText = (r: RecognitionView) =>
  r.state === 'open'
    ? `Waiting since ${formatDateOf(r.createdAt)}`
    : r.state === 'approved'
      ? `Approved ${r.decidedAt ? formatDateOf(r.decidedAt) : ''} by ${r.decidedByName ?? 'an approver'}`
      : `Declined ${r.decidedAt ? formatDateOf(r.decidedAt) : ''} by ${r.decidedByName ?? 'an approver'}`;

function MyRequests({ orgId }: { orgId: string }) {
  const mine = useMyRequests(orgId);
  const requests = mine.data?.requests ?? [];
  return (
    <section aria-labelledby="my-requests-heading">
      <h2 id="my-requests-heading">Your requests</h2>
      <FormError error={mine.error} />
      {mine.isSuccess && requests.length === 0 && <p className="hint">You have not asked for recognition yet.</p>}
      <ul className="plain-list">
        {requests.map((r) => (
          <li key={r.id}>
            <article aria-label={`${r.achievementName} for ${r.goalTitle}`}>
              <h3>
                {r.achievementName} <span className="hint">for “{r.goalTitle}”</span>
              </h3>
              <p>{stateText(r)}</p>
              {r.state === 'declined' && <p className="notice">{r.declineReason}</p>}
              {r.verificationUrl && (
                <p>
                  <a href={r.verificationUrl}>
                    Verification page<span className="visually-hidden"> of {r.achievementName}</span>
                  </a>
                </p>
              )}
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
