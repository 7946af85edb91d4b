import { type ReactNode, useRef, useState } from 'react';
import { ConfirmDialog, type ConfirmHandle } from './confirm-dialog';
import { FormError } from './form-error';
import { LastUsed, RevokeButton } from './token-parts';

/** What every kind of token shows in a list (API tokens, SCIM tokens). */
export type ListedToken = {
  id: string;
  name: string;
  prefix: string;
  madeBy?: string | null;
  scopes?: string[];
  lastUsedAt: string | null;
  lastUsedAddress: string | null;
  revokedAt: string | null;
};

/**
 * A table of tokens, newest first, each revocable (after a confirmation that says what stops) while `live`.
 * The columns "May" and "Made by" show when the tokens carry scopes or makers.
 */
export function TokenTable<T extends ListedToken>({
  caption,
  tokens,
  showScopes,
  showMaker,
  statusOf,
  live,
  revoke,
  revokeError,
  whatStops,
}: {
  caption: string;
  tokens: T[];
  showScopes: boolean;
  showMaker: boolean;
  statusOf: (t: T) => string;
  live: (t: T) => boolean;
  revoke: (t: T) => void;
  revokeError: unknown;
  /** Said in the confirmation: what is refused once the token is revoked. */
  whatStops: ReactNode;
}) {
  const confirm = useRef<ConfirmHandle>(null);
  const [chosen, setChosen] = useState<T | null>(null);
  return (
    <>
      {tokens.length === 0 ? (
        <p>No tokens yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                {showScopes && <th scope="col">May</th>}
                {showMaker && <th scope="col">Made by</th>}
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
                  {showScopes && <td>{t.scopes?.join(', ')}</td>}
                  {showMaker && <td>{t.madeBy}</td>}
                  <td>
                    <LastUsed at={t.lastUsedAt} address={t.lastUsedAddress} />
                  </td>
                  <td>{statusOf(t)}</td>
                  <td>
                    {live(t) && (
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
      <FormError error={revokeError} />
      <ConfirmDialog
        ref={confirm}
        danger
        title={`Revoke “${chosen?.name ?? ''}”?`}
        confirmLabel="Revoke the token"
        onConfirm={() => chosen && revoke(chosen)}
      >
        {whatStops} This cannot be undone: make a new token if you need one again.
      </ConfirmDialog>
    </>
  );
}
