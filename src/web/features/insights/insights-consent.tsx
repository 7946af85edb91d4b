import { useId, useState } from 'react';
import { FormError } from '../../components/form-error';
import { formatDateOf } from '../../lib/dates';
import { confirmDone } from '../../ui/toasts';
import { type MyMembership, useMe } from '../me/me-api';
import { type Consent, useConsent, useSetConsent } from './insights-api';

/*
 * Each learner's own choice whether their learning counts in their organisation's insights (one choice per
 * organisation). The words say plainly what is counted and what never is; the choice is off until they say yes.
 */

/** k is at least 5 everywhere, and only an organisation's admins may read its k: the words promise the floor. */
const MIN_GROUP = 5;

export function InsightsConsentSection() {
  const me = useMe().data;
  if (!me || me.memberships.length === 0) return null;
  return (
    <section aria-labelledby="insights-consent-title">
      <h2 id="insights-consent-title">Anonymous insights</h2>
      <p>
        Your organisation’s learning &amp; development team sees figures about what people learn, so they can offer
        mentors, communities and resources where they are needed. If you say yes, these count in those figures:
      </p>
      <ul>
        <li>the topics of your goals, and each goal’s status (idea, active, achieved…) month by month;</li>
        <li>the forms of learning in your log (a course, a mentor, a book…);</li>
        <li>the resources in your learning network, and whether you have a mentor for a goal;</li>
        <li>whether you planned to share, shared what you learned and checked in.</li>
      </ul>
      <p>
        All anonymously: only counted in groups of at least {MIN_GROUP} people (your organisation may ask for more),
        never with your name, and never the words you wrote in your plan or log.
      </p>
      <p>
        It is off until you say yes. You can change your mind any time: saying no takes you out of the next figures.
      </p>
      {me.memberships.map((m) => (
        <ConsentChoice key={m.organizationId} membership={m} />
      ))}
    </section>
  );
}

function lastDecided(c: Consent) {
  if (!c.decidedAt) return 'You have not decided yet, so your learning is not counted.';
  const when = formatDateOf(c.decidedAt);
  return c.consent ? `You said yes on ${when}.` : `You said no on ${when}.`;
}

function ConsentChoice({ membership: m }: { membership: MyMembership }) {
  const consent = useConsent(m.organizationId, m.memberId);
  const save = useSetConsent(m.organizationId, m.memberId);
  if (consent.error) return <FormError error={consent.error} />;
  if (!consent.data) return <p role="status">Loading your choice…</p>;
  return (
    // A new decision starts the form again from what is stored.
    <ConsentForm
      key={consent.data.decidedAt ?? 'never'}
      orgName={m.organizationName}
      current={consent.data}
      save={save}
    />
  );
}

function ConsentForm({
  orgName,
  current,
  save,
}: {
  orgName: string;
  current: Consent;
  save: ReturnType<typeof useSetConsent>;
}) {
  const id = useId();
  const [yes, setYes] = useState(current.consent);
  return (
    <form
      className="panel"
      aria-label={`Insights in ${orgName}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(yes, {
          onSuccess: (saved) =>
            confirmDone(
              saved.consent ? 'Saved: you count in the next figures.' : 'Saved: you are left out of the next figures.',
            ),
        });
      }}
    >
      <fieldset className="choice" aria-describedby={`${id}-decided`}>
        <legend>Count my learning in {orgName}’s anonymous insights?</legend>
        <label>
          <input type="radio" name={`${id}-consent`} checked={yes} onChange={() => setYes(true)} />
          Yes, count me in, anonymously
        </label>
        <label>
          <input type="radio" name={`${id}-consent`} checked={!yes} onChange={() => setYes(false)} />
          No, leave me out
        </label>
      </fieldset>
      <p className="hint" id={`${id}-decided`}>
        {lastDecided(current)}
      </p>
      <FormError error={save.error} />
      <button type="submit" disabled={save.isPending}>
        Save my choice
      </button>
    </form>
  );
}
