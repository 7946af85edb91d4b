import { useRef } from 'react';
import { FormError } from '../../components/form-error';
import { confirmDone } from '../../ui/toasts';
import { accessLabel, coverageLabel, type GrantView, useGrants, useRevokeGrant, when } from './sharing-api';

function until(g: GrantView) {
  if (g.revokedAt) return `Revoked ${when(g.revokedAt)}`;
  if (g.expiresAt) return `${g.state === 'expired' ? 'Ended' : 'Until'} ${when(g.expiresAt)}`;
  return 'Until you revoke it';
}

/** Who can see what now, and who could before: every share of the plan, with Revoke on the active ones. */
export function GrantList({ planId }: { planId: string }) {
  const grants = useGrants(planId);
  const revoke = useRevokeGrant(planId);
  // The Revoke button goes with its row: the focus moves to the section's heading rather than being lost to
  // the page, and the change is said in words (a keyboard or screen-reader user would otherwise start again).
  const headingRef = useRef<HTMLHeadingElement>(null);
  if (grants.isPending) return <p role="status">Loading who can see what…</p>;
  if (grants.error) return <FormError error={grants.error} />;
  const all = grants.data.grants;
  const active = all.filter((g) => g.state === 'active');
  const past = all.filter((g) => g.state !== 'active');

  const table = (rows: GrantView[], caption: string, withRevoke: boolean) => (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">May</th>
          <th scope="col">Since</th>
          <th scope="col">{withRevoke ? 'Until' : 'Ended'}</th>
          {withRevoke && <th scope="col">Revoke</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((g) => (
          <tr key={g.id}>
            <th scope="row">{g.member.name}</th>
            <td>
              {coverageLabel(g)}
              {/* Shares an accepted mentoring request made end with it; say so, so revoking one is a choice. */}
              {g.reason === 'enlistment' && <span className="muted"> (from a mentoring request)</span>}
            </td>
            <td>{accessLabel(g.access)}</td>
            <td>{when(g.createdAt)}</td>
            <td>{until(g)}</td>
            {withRevoke && (
              <td>
                <button
                  type="button"
                  className="danger"
                  disabled={revoke.isPending}
                  aria-label={`Revoke ${coverageLabel(g)} for ${g.member.name}`}
                  onClick={() =>
                    revoke.mutate(g.id, {
                      onSuccess: () => {
                        confirmDone(`Revoked “${coverageLabel(g)}” for ${g.member.name}.`);
                        headingRef.current?.focus();
                      },
                    })
                  }
                >
                  Revoke
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section aria-labelledby="who-heading">
      <h2 id="who-heading" ref={headingRef} tabIndex={-1}>
        Who can see what
      </h2>
      <FormError error={revoke.error} />
      {active.length === 0 ? <p>Nobody else can see this plan. Only you can.</p> : table(active, 'Shared now', true)}
      {past.length > 0 && table(past, 'Shared before', false)}
    </section>
  );
}
