import { useId } from 'react';
import { TokenManager } from './token-manager';
import { tokensPath } from './tokens-api';

/** The settings section for a person's own API tokens. */
export function ApiTokensSection() {
  const id = useId();
  return (
    <section className="panel card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>API tokens</h2>
      <p>
        A token lets a program of yours (a script, a notes app) read or change your plans and log through Waymark’s API,
        as you, only in the ways you tick. It works until it expires or you revoke it. See the{' '}
        <a href="/api/docs">API documentation</a>.
      </p>
      <TokenManager path={tokensPath()} />
    </section>
  );
}
