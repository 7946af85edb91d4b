import { useId, useState } from 'react';
import { FormError } from '../../components/form-error';
import { SecretOnce, TokenNameField } from '../../components/token-parts';
import { fieldError } from '../../lib/api';
import { TokenList } from './token-list';
import { type MadeToken, useMakeToken, useTokens } from './tokens-api';

const LIFETIMES = [7, 30, 90, 180, 365] as const;

/**
 * Making, listing and revoking API tokens, for a person's own (settings) or an organisation's (its tokens
 * page). The secret shows once, right after it is made, with a copy button: Waymark keeps only its fingerprint.
 */
export function TokenManager({ path, showMaker = false }: { path: string; showMaker?: boolean }) {
  const id = useId();
  const tokens = useTokens(path);
  const make = useMakeToken(path);
  const [made, setMade] = useState<MadeToken | null>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [days, setDays] = useState(90);

  const scopesError = fieldError(make.error, 'scopes') ?? fieldError(make.error, 'scopes.0');
  const nameError = fieldError(make.error, 'name');
  return (
    <>
      <FormError error={tokens.error} />
      {tokens.data && <TokenList path={path} tokens={tokens.data.tokens} showMaker={showMaker} />}
      {made && (
        <SecretOnce
          name={made.token.name}
          secret={made.secret}
          hint="Copy it now and keep it where the program that uses it can read it: Waymark keeps only a fingerprint, so it cannot show it again."
        />
      )}
      <form
        noValidate
        aria-labelledby={`${id}-new`}
        onSubmit={(e) => {
          e.preventDefault();
          make.mutate(
            { name, scopes, expiresInDays: days },
            {
              onSuccess: (result) => {
                setMade(result);
                setName('');
                setScopes([]);
              },
            },
          );
        }}
      >
        <h3 id={`${id}-new`}>Make a token</h3>
        <TokenNameField
          id={id}
          value={name}
          onChange={setName}
          error={nameError}
          hint="What will use it, so you know which to revoke later."
        />
        <fieldset className="checkbox-group" aria-describedby={scopesError ? `${id}-scopes-error` : undefined}>
          <legend>What it may do</legend>
          {tokens.data?.scopes.map((s) => (
            <label key={s.code} className="check">
              <input
                type="checkbox"
                checked={scopes.includes(s.code)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, s.code] : scopes.filter((c) => c !== s.code))}
              />
              {s.label} <code>{s.code}</code>
            </label>
          ))}
          {scopesError && (
            <p className="field-error" id={`${id}-scopes-error`}>
              {scopesError}
            </p>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-days`}>Works for</label>
          <select id={`${id}-days`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {LIFETIMES.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </div>
        <FormError error={make.error && !nameError && !scopesError ? make.error : null} />
        <div className="actions">
          <button type="submit" disabled={make.isPending}>
            Make the token
          </button>
        </div>
      </form>
    </>
  );
}
