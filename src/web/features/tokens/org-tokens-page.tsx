import { useParams } from 'react-router';
import { useTitle } from '../../components/use-title';
import { TokenManager } from './token-manager';
import { tokensPath } from './tokens-api';

/** An organisation's API tokens, for its owners and L&D admins. */
export function OrgTokensPage() {
  const { orgId = '' } = useParams();
  useTitle('API tokens');
  return (
    <section>
      <h1>API tokens</h1>
      <p className="lead">
        For the organisation’s other systems (an HR dashboard, a reporting tool): a token reads members, programmes and
        insights’ aggregates as you tick, in this organisation only, and never anyone’s plans, log or posts. It acts for
        the person who made it while they are an owner or L&D admin. Making and revoking tokens is in the audit log. See
        the <a href="/api/docs">API documentation</a>.
      </p>
      <h2>The organisation’s tokens</h2>
      <TokenManager path={tokensPath(orgId)} showMaker />
    </section>
  );
}
