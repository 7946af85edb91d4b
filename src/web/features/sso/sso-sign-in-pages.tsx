import { Link, useSearchParams } from 'react-router';
import { isSsoProblem, SSO_PROBLEMS } from '../../../features/sso/sso-problems';
import { EmailField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { useStartSso } from './sso-api';

/** "Sign in with your organisation": the work address says which organisation's provider to go to. */
export function SsoSignInPage() {
  useTitle('Sign in with your organisation');
  const [params] = useSearchParams();
  const next = params.get('next') ?? undefined;
  const start = useStartSso();
  return (
    <div className="auth-card">
      <h1>Sign in with your organisation</h1>
      <p>Enter your work e-mail address: you go on to your organisation’s own sign-in page, and come back signed in.</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const email = String(new FormData(e.currentTarget).get('email') ?? '');
          start.mutate({ email, ...(next?.startsWith('/') && { next }) });
        }}
      >
        <FormError error={start.error && !fieldError(start.error, 'email') ? start.error : null} />
        <EmailField label="Work e-mail address" error={fieldError(start.error, 'email')} />
        <button type="submit" disabled={start.isPending || start.isSuccess}>
          {start.isPending || start.isSuccess ? 'Going to your organisation…' : 'Continue'}
        </button>
      </form>
      <p>
        <Link to="/sign-in">Sign in with a password instead</Link>
      </p>
    </div>
  );
}

/** Where a refused single sign-on lands: what went wrong, in words, and the way to try again. */
export function SsoErrorPage() {
  useTitle('Single sign-on did not work');
  const [params] = useSearchParams();
  const code = params.get('problem') ?? '';
  const message = isSsoProblem(code) ? SSO_PROBLEMS[code] : 'The sign-in could not be finished.';
  return (
    <div className="auth-card">
      <h1>You are not signed in</h1>
      <p className="alert" role="alert">
        {message}
      </p>
      <p>
        <Link to="/sign-in/organisation">Sign in with your organisation</Link>
      </p>
      <p>
        <Link to="/sign-in">Sign in with a password</Link>
      </p>
    </div>
  );
}
