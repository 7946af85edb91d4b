import { TokenTable } from '../../components/token-table';
import { formatDateTime } from '../../lib/dates';
import { type TokenView, useRevokeToken } from './tokens-api';

function statusOf(t: TokenView, now: number): string {
  if (t.revokedAt) return `Revoked ${formatDateTime(t.revokedAt)}`;
  if (Date.parse(t.expiresAt) <= now) return `Expired ${formatDateTime(t.expiresAt)}`;
  return `Until ${formatDateTime(t.expiresAt)}`;
}

/** The tokens of a person or an organisation, newest first, each revocable while it works. */
export function TokenList({ path, tokens, showMaker }: { path: string; tokens: TokenView[]; showMaker: boolean }) {
  const revoke = useRevokeToken(path);
  const now = Date.now();
  return (
    <TokenTable
      caption="Tokens, newest first"
      tokens={tokens}
      showScopes
      showMaker={showMaker}
      statusOf={(t) => statusOf(t, now)}
      live={(t) => !t.revokedAt && Date.parse(t.expiresAt) > now}
      revoke={(t) => revoke.mutate(t.id)}
      revokeError={revoke.error}
      whatStops="Whatever uses it is refused from its next request, on every server."
    />
  );
}
