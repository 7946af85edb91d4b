import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { type OrgView, useOrg } from '../orgs/orgs-api';

/**
 * Insights pages are for owners and L&D admins (the server refuses anyone else): a member who follows an old
 * link reads why, and no figures are asked for on their behalf.
 */
export function AdminsOnly({ children }: { children: (org: OrgView) => ReactNode }) {
  const { orgId = '' } = useParams();
  const org = useOrg(orgId);
  if (org.isPending) return <p role="status">Loading…</p>;
  if (org.error) return <FormError error={org.error} />;
  if (org.data.yourRole === 'member') {
    return (
      <section className="narrow">
        <h1>Insights</h1>
        <p>
          Insights are for the owners and L&amp;D admins of {org.data.name}. Whether your own learning counts in them is
          your choice, in your settings.
        </p>
      </section>
    );
  }
  return children(org.data);
}
