import { useState } from 'react';
import { FormError } from '../../components/form-error';
import { ApiError, fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { confirmDone } from '../../ui/toasts';
import { useMember } from '../members/members-api';
import type { PlanView } from '../plans/plan-api';
import { CheckboxGroup, Select, TextArea } from '../plans/plan-fields';
import { partNames, type SharedPart } from '../sharing/sharing-api';
import { kindLabel, type RequestReviewBody, useRequestReview } from './reviews-api';

const kindOptions: [string, string][] = [
  ['agreement', 'Learning agreement: agree this plan for the cycle'],
  ['year_end', 'Year-end review: look back on the year and close the cycle'],
];

/** A picked part or goal ("part:goals", "goal:<id>") as the review request names it. */
function shareItem(key: string): NonNullable<RequestReviewBody['share']>[number] {
  const [scope, ref = ''] = key.split(':');
  return scope === 'part' ? { scope: 'part', part: ref as SharedPart } : { scope: 'goal', goalId: ref };
}

/** The first error about what to share, whichever item it names ("share.2.goalId"). */
const shareError = (error: unknown) =>
  error instanceof ApiError ? Object.entries(error.fields).find(([k]) => k.startsWith('share'))?.[1] : undefined;

/** The learner asks their supervisor for a review and picks what to share for it. */
export function RequestReviewForm({ plan }: { plan: PlanView }) {
  const me = useMember(plan.organizationId, plan.memberId);
  const [whole, setWhole] = useState(true);
  const [picked, setPicked] = useState<string[]>([]);
  // A fresh form after each request made: the note written for the last one does not linger.
  const [made, setMade] = useState(0);
  const leave = useLeaveGuard();
  const request = useRequestReview(plan.id, (review) => {
    leave.sent();
    confirmDone(
      `Asked ${review.supervisor.name} for the ${kindLabel(review.kind).toLowerCase()}. They can comment on what you shared, and you both sign.`,
    );
    setWhole(true);
    setPicked([]);
    setMade((n) => n + 1);
  });
  const supervisor = me.data?.supervisor;
  const options: [string, string][] = [
    ...Object.entries(partNames).map(([part, name]): [string, string] => [`part:${part}`, `Part: ${name}`]),
    ...plan.goals.map((g): [string, string] => [`goal:${g.id}`, `Goal: ${g.what || 'Untitled goal'}`]),
  ];
  return (
    <form
      key={made}
      className="panel"
      aria-labelledby="request-heading"
      {...leave.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        request.mutate({
          kind: String(data.get('kind')) as RequestReviewBody['kind'],
          note: String(data.get('note') ?? ''),
          ...(!whole && { share: picked.map(shareItem) }),
        });
      }}
    >
      <h2 id="request-heading">Ask for a review</h2>
      <p>
        {me.isPending
          ? 'Looking up your supervisor…'
          : supervisor
            ? `Your supervisor here is ${supervisor.name}. They see only what you share for the review.`
            : 'You have no supervisor in this organisation yet. Ask an L&D admin to name one on the members page.'}
      </p>
      <Select
        label="Kind of review"
        name="kind"
        options={plan.closedAt ? kindOptions.slice(0, 1) : kindOptions}
        error={fieldError(request.error, 'kind')}
      />
      <TextArea
        label="Note to your supervisor"
        name="note"
        maxLength={4000}
        hint="What you would like to agree or talk about; at year end, how the year went."
        error={fieldError(request.error, 'note')}
      />
      <fieldset className="checkbox-group">
        <legend>What to share for the review</legend>
        <label className="check">
          <input type="radio" name="whole" checked={whole} onChange={() => setWhole(true)} />
          The whole plan
        </label>
        <label className="check">
          <input type="radio" name="whole" checked={!whole} onChange={() => setWhole(false)} />
          Only some parts and goals
        </label>
      </fieldset>
      {!whole && (
        <CheckboxGroup
          legend="Parts and goals to share"
          options={options}
          value={picked}
          onChange={setPicked}
          error={shareError(request.error)}
          empty="This plan has nothing to share yet."
        />
      )}
      <div className="actions">
        <button type="submit" disabled={request.isPending}>
          Ask for a review
        </button>
      </div>
      {fieldError(request.error, 'supervisor') ? (
        <p className="alert" role="alert">
          {fieldError(request.error, 'supervisor')}
        </p>
      ) : (
        <FormError error={request.error} />
      )}
      {leave.question}
    </form>
  );
}
