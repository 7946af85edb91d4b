import { type FormEvent, useState } from 'react';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { TextArea } from '../plans/plan-fields';
import { useVerifyCredential } from './badges-api';
import { badgeNameOf, CredentialSummary, type ShownCredential } from './credential-summary';

type Pasted = { credential: Record<string, unknown> } | { jwt: string };

/** Pasted text as what to verify: a VC-JWT, or a credential's JSON object; else a message saying what is wrong. */
function pastedCredential(text: string): Pasted | string {
  if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(text.trim())) return { jwt: text.trim() };
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return { credential: parsed as Record<string, unknown> };
    }
    return 'Paste the credential itself: a JSON object, starting with {.';
  } catch {
    return 'That is neither JSON nor a VC-JWT: paste the whole credential, from { to }, or the whole JWT.';
  }
}

/**
 * "Verify a badge": anyone, signed in or not, uploads a badge image with its credential baked in (PNG or SVG), or
 * the credential's JSON or VC-JWT as a file or pasted, and reads what was checked and what failed. Nothing is stored.
 */
export function VerifyCredentialPage() {
  useTitle('Verify a badge');
  const verify = useVerifyCredential();
  const [pasteError, setPasteError] = useState<string>();

  const onUpload = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get('file');
    if (file instanceof File && file.size > 0) verify.mutate({ file });
  };
  const onPaste = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const pasted = pastedCredential(String(new FormData(e.currentTarget).get('credential') ?? ''));
    setPasteError(typeof pasted === 'string' ? pasted : undefined);
    if (typeof pasted !== 'string') verify.mutate(pasted);
  };

  const fileError = fieldError(verify.error, 'file');
  const result = verify.data;
  const credential = result?.credential as ShownCredential | undefined;
  return (
    <section className="credential">
      <h1>Verify a badge</h1>
      <p className="lead">
        Check an Open Badges 3.0 credential: who issued it, that nothing in it changed since it was signed, whether it
        expired and whether its issuer revoked it.
      </p>
      <form onSubmit={onUpload} aria-labelledby="verify-file-heading">
        <h2 id="verify-file-heading">From a file</h2>
        <div className="field">
          <label htmlFor="verify-file">Badge image or credential</label>
          <p className="hint" id="verify-file-hint">
            A badge image with its credential baked in (PNG or SVG), or the credential as a JSON or VC-JWT file; under 1
            MB.
          </p>
          <input
            id="verify-file"
            name="file"
            type="file"
            required
            accept="image/png,image/svg+xml,application/json,.json,application/jwt,.jwt"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'verify-file-hint verify-file-error' : 'verify-file-hint'}
          />
          {fileError && (
            <p className="field-error" id="verify-file-error">
              {fileError}
            </p>
          )}
        </div>
        <button type="submit" disabled={verify.isPending}>
          Verify the file
        </button>
      </form>
      <form onSubmit={onPaste} aria-labelledby="verify-paste-heading">
        <h2 id="verify-paste-heading">Or paste it</h2>
        <TextArea
          label="The credential (JSON or VC-JWT)"
          name="credential"
          required
          rows={6}
          spellCheck={false}
          error={pasteError ?? fieldError(verify.error, 'credential')}
        />
        <button type="submit" disabled={verify.isPending}>
          Verify what I pasted
        </button>
      </form>
      <div aria-live="polite">
        {verify.isPending && <p role="status">Checking the credential…</p>}
        <FormError error={verify.error} />
        {result && (
          <article aria-labelledby="verify-result-heading">
            <h2 id="verify-result-heading">
              {badgeNameOf(credential) ?? 'The credential'}
              {result.source === 'jwt' && ' (from the VC-JWT)'}
              {(result.source === 'png' || result.source === 'svg') &&
                ` (from the ${result.source.toUpperCase()} image)`}
            </h2>
            <CredentialSummary credential={credential} verification={result} headingLevel={3} />
          </article>
        )}
      </div>
    </section>
  );
}
