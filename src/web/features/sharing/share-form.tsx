import { useRef, useState } from 'react';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { DateField } from '../../ui/date-field';
import { PersonPicker } from '../../ui/person-picker';
import { confirmDone } from '../../ui/toasts';
import { useAllMembers } from '../members/members-api';
import type { PlanView } from '../plans/plan-api';
import { Select } from '../plans/plan-fields';
import { type CreateGrantBody, coverageLabel, partNames, type SharedPart, useShareWith } from './sharing-api';

const scopeOptions: [string, string][] = [
  ['goal', 'One goal'],
  ['part', 'One part of the plan'],
  ['plan', 'The whole plan'],
];
const accessOptions: [string, string][] = [
  ['read', 'Read'],
  ['comment', 'Read and comment'],
];

/** An expiry picked as a day ends at the end of that day, on the learner's own clock. */
const endOfDay = (day: string) => new Date(`${day}T23:59:59`).toISOString();

/** Share the whole plan, one part or one goal with a member of the organisation. */
export function ShareForm({ plan }: { plan: PlanView }) {
  const members = useAllMembers(plan.organizationId);
  const [scope, setScope] = useState<CreateGrantBody['scope']>('goal');
  const form = useRef<HTMLFormElement>(null);
  // Once shared, the form starts again blank: the next share is usually with someone else, about something
  // else, and a form still showing the last choices invites sharing the wrong thing twice. A failed share
  // keeps every choice, to fix and send again.
  const share = useShareWith(plan.id, (grant) => {
    confirmDone(`Shared “${coverageLabel(grant)}” with ${grant.member.name}.`);
    form.current?.reset();
    setScope('goal');
  });
  const others = (members.data?.members ?? []).filter((m) => m.id !== plan.memberId);
  const goalOptions: [string, string][] = plan.goals.map((g) => [g.id, g.what || 'Untitled goal']);

  return (
    <form
      ref={form}
      className="panel"
      aria-labelledby="share-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const body: CreateGrantBody = {
          memberId: String(data.get('memberId') ?? ''),
          scope,
          access: String(data.get('access') ?? 'read') as CreateGrantBody['access'],
        };
        if (scope === 'part') body.part = String(data.get('part') ?? '') as SharedPart;
        if (scope === 'goal') body.goalId = String(data.get('goalId') ?? '');
        const until = String(data.get('until') ?? '');
        if (until) body.expiresAt = endOfDay(until);
        share.mutate(body);
      }}
    >
      <h2 id="share-heading">Share with someone</h2>
      {members.error && <FormError error={members.error} />}
      {others.length === 0 && members.isSuccess ? (
        <p>There is nobody else in this organisation yet. Invite a colleague first.</p>
      ) : (
        <>
          <PersonPicker
            label="Person"
            name="memberId"
            required
            people={others.map((m) => ({ id: m.id, name: m.name || m.email, detail: m.name ? m.email : undefined }))}
            error={fieldError(share.error, 'memberId')}
          />
          <Select
            label="What to share"
            name="scope"
            value={scope}
            onChange={(e) => setScope(e.target.value as CreateGrantBody['scope'])}
            options={scopeOptions}
            error={fieldError(share.error, 'scope')}
          />
          {scope === 'part' && (
            <Select
              label="Part"
              name="part"
              options={Object.entries(partNames)}
              error={fieldError(share.error, 'part')}
            />
          )}
          {scope === 'goal' &&
            (goalOptions.length === 0 ? (
              <p className="field-error">This plan has no goals yet; share a part or the whole plan instead.</p>
            ) : (
              <Select label="Goal" name="goalId" options={goalOptions} error={fieldError(share.error, 'goalId')} />
            ))}
          <Select label="They may" name="access" options={accessOptions} error={fieldError(share.error, 'access')} />
          <DateField
            label="Until (optional)"
            name="until"
            hint="Leave empty to share until you revoke it."
            error={fieldError(share.error, 'expiresAt')}
          />
          <div className="actions">
            <button type="submit" disabled={share.isPending}>
              Share
            </button>
          </div>
          <FormError error={share.error} />
        </>
      )}
    </form>
  );
}
