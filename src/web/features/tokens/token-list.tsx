import { useRef, useState } from 'react';
import { ConfirmDialog, type ConfirmHandle } from '../../components/confirm-dialog';
import { FormError } from '../../components/form-error';
import { LastUsed, RevokeButton } from '../../components/token-parts';
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
  const confirm = useRef<ConfirmHandle>(null);
  const [chosen, setChosen] = useState<TokenView | null>(null);
  const now = Date.now();
  if (tokens.length === 0) return <p>No tokens yet.</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table">
          <caption>Tokens, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">May</th>
              {showMaker && <th scope="col">Made by</th>}
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => {
              const live = !t.revokedAt && Date.parse(t.expiresAt) > now;
              return (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{t.scopes.join(', ')}</td>
                  {showMaker && <td>{t.madeBy}</td>}
                  <td>
                    <LastUsed at={t.lastUsedAt} address={t.lastUsedAddress} />
                  </td>
                  <td>{statusOf(t, now)}</td>
                  <td>
                    {live && (
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
              );
            })}
          </tbody>
        </table>
      </div>
      <FormError error={revoke.error} />
      <ConfirmDialog
        ref={confirm}
        danger
        title={`Revoke “${chosen?.name ?? ''}”?`}
        confirmLabel="Revoke the token"
        onConfirm={() => chosen && revoke.mutate(chosen.id)}
      >
        Whatever uses it is refused from its next request, on every server. This cannot be undone: make a new token if
        you need one again.
      </ConfirmDialog>
    </>
  );
}
