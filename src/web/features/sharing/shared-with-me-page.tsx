import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { ColleagueTabs } from '../enlistment/colleague-tabs';
import { accessLabel, coverageLabel, type SharedWithMeItem, useSharedWithMe, when } from './sharing-api';

/** What colleagues shared with me, one entry per plan, each opening the shared part read-only. */
export function SharedWithMePage() {
  const { orgId = '' } = useParams();
  useTitle('Shared with me');
  const shared = useSharedWithMe(orgId);
  const byPlan = new Map<string, SharedWithMeItem[]>();
  for (const item of shared.data?.items ?? []) byPlan.set(item.planId, [...(byPlan.get(item.planId) ?? []), item]);
  return (
    <section>
      <ColleagueTabs orgId={orgId} />
      <h1>Shared with me</h1>
      <p className="lead">Plans, parts and goals colleagues chose to show you. They can see when you open them.</p>
      <FormError error={shared.error} />
      {shared.isPending ? (
        <p role="status">Loading…</p>
      ) : byPlan.size === 0 ? (
        <p>Nobody has shared anything with you yet.</p>
      ) : (
        <ul className="cards">
          {[...byPlan.values()].map((items) => {
            const first = items[0] as SharedWithMeItem;
            return (
              <li className="card" key={first.planId}>
                <h2>
                  <Link to={`/orgs/${orgId}/shared/${first.planId}`}>
                    {first.owner.name}: {first.title || first.cycle}
                  </Link>
                </h2>
                <p>Cycle {first.cycle}</p>
                <ul>
                  {items.map((i) => (
                    <li key={i.grantId}>
                      {coverageLabel(i)}: {accessLabel(i.access).toLowerCase()}
                      {i.expiresAt && `, until ${when(i.expiresAt)}`}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
