import { useId, useState } from 'react';
import { FormError } from '../../components/form-error';
import { SecretOnce, TokenNameField } from '../../components/token-parts';
import { TokenTable } from '../../components/token-table';
import { fieldError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { type MadeScimToken, type ScimTokenView, useMakeScimToken, useRevokeScimToken } from './provisioning-api';

/** The organisation's SCIM tokens: made (the secret shown once), listed with their last use, revoked. */
export function ScimTokens({ orgId, tokens }: { orgId: string; tokens: ScimTokenView[] }) {
  const id = useId();
  const make = useMakeScimToken(orgId);
  const revoke = useRevokeScimToken(orgId);
  const [made, setMade] = useState<MadeScimToken | null>(null);
  const [name, setName] = useState('');
  const nameError = fieldError(make.error, 'name');
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Tokens</h2>
      <TokenTable
        caption="SCIM tokens, newest first"
        tokens={tokens}
        showScopes={false}
        showMaker
        statusOf={(t) => (t.revokedAt ? `Revoked ${formatDateTime(t.revokedAt)}` : 'Works')}
        live={(t) => !t.revokedAt}
        revoke={(t) => revoke.mutate(t.id)}
        revokeError={revoke.error}
        whatStops="The directory using it is refused from its next request, on every server. Joiners and leavers stop reaching Waymark until it has a new token."
      />
      {made && (
        <SecretOnce
          name={made.token.name}
          secret={made.secret}
          hint="Paste it into the directory as its secret token now: Waymark keeps only a fingerprint, so it cannot show it again."
        />
      )}
      <form
        noValidate
        aria-labelledby={`${id}-new`}
        onSubmit={(e) => {
          e.preventDefault();
          make.mutate(name, {
            onSuccess: (result) => {
              setMade(result);
              setName('');
            },
          });
        }}
      >
        <h3 id={`${id}-new`}>Make a token</h3>
        <TokenNameField
          id={id}
          value={name}
          onChange={setName}
          error={nameError}
          hint="The directory that will use it (Entra ID, Okta), so you know which to revoke later."
        />
        <FormError error={make.error && !nameError ? make.error : null} />
        <div className="actions">
          <button type="submit" disabled={make.isPending}>
            Make the token
          </button>
        </div>
      </form>
    </section>
  );
}
