import { useId, useRef, useState } from 'react';
import { ConfirmDialog, type ConfirmHandle } from '../../components/confirm-dialog';
import { FormError } from '../../components/form-error';
import { LastUsed, RevokeButton, SecretOnce, TokenNameField } from '../../components/token-parts';
import { fieldError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { type MadeScimToken, type ScimTokenView, useMakeScimToken, useRevokeScimToken } from './provisioning-api';

/** The organisation's SCIM tokens: made (the secret shown once), listed with their last use, revoked. */
export function ScimTokens({ orgId, tokens }: { orgId: string; tokens: ScimTokenView[] }) {
  const id = useId();
  const make = useMakeScimToken(orgId);
  const revoke = useRevokeScimToken(orgId);
  const confirm = useRef<ConfirmHandle>(null);
  const [chosen, setChosen] = useState<ScimTokenView | null>(null);
  const [made, setMade] = useState<MadeScimToken | null>(null);
  const [name, setName] = useState('');
  const nameError = fieldError(make.error, 'name');
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Tokens</h2>
      {tokens.length === 0 ? (
        <p>No tokens yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>SCIM tokens, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Made by</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{t.madeBy}</td>
                  <td>
                    <LastUsed at={t.lastUsedAt} address={t.lastUsedAddress} />
                  </td>
                  <td>{t.revokedAt ? `Revoked ${formatDateTime(t.revokedAt)}` : 'Works'}</td>
                  <td>
                    {!t.revokedAt && (
                      <RevokeButton
                        name={t.name}
                        onClick={() => {
                          setChosen(t);
                          confirm.current?.open();
                        }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError error={revoke.error} />
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
      <ConfirmDialog
        ref={confirm}
        danger
        title={`Revoke “${chosen?.name ?? ''}”?`}
        confirmLabel="Revoke the token"
        onConfirm={() => chosen && revoke.mutate(chosen.id)}
      >
        The directory using it is refused from its next request, on every server. Joiners and leavers stop reaching
        Waymark until it has a new token.
      </ConfirmDialog>
    </section>
  );
}
