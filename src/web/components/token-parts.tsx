import { formatDateTime } from '../lib/dates';
import { CopyableAddress } from './copyable-address';

/*
 * Pieces every token page shares (API tokens, SCIM tokens): when it was last used and from where, the secret
 * shown once, the name field, the revoke button of a row.
 */

export function LastUsed({ at, address }: { at: string | null; address: string | null }) {
  if (!at) return <>Never</>;
  return (
    <>
      <time dateTime={at}>{formatDateTime(at)}</time>
      {address && ` from ${address}`}
    </>
  );
}

/** The secret, right after it is made: Waymark keeps only its fingerprint. */
export function SecretOnce({ name, secret, hint }: { name: string; secret: string; hint: string }) {
  return (
    <div className="notice">
      <CopyableAddress
        label={`The secret of “${name}”`}
        hint={hint}
        url={secret}
        focus
        copy={{ text: 'Copy', name: 'Copy the secret' }}
      />
    </div>
  );
}

export function TokenNameField({
  id,
  value,
  onChange,
  error,
  hint,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint: string;
}) {
  return (
    <div className="field">
      <label htmlFor={`${id}-name`}>Name</label>
      <p className="hint" id={`${id}-name-hint`}>
        {hint}
      </p>
      <input
        id={`${id}-name`}
        value={value}
        maxLength={100}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-name-hint`, error && `${id}-name-error`].filter(Boolean).join(' ')}
      />
      {error && (
        <p className="field-error" id={`${id}-name-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function RevokeButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button type="button" className="danger" aria-label={`Revoke ${name}`} onClick={onClick}>
      Revoke
    </button>
  );
}
