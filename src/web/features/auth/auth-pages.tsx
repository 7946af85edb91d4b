import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmailField, Field, PasswordField } from '../../components/field';
import { FormError, Notice } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { useForgotPassword, useResetPassword, useSignIn, useSignUp, useVerifyEmail } from './auth-api';

/** Where to go after signing in: only paths inside Waymark, so a link cannot send people elsewhere. */
function useNext() {
  const [params] = useSearchParams();
  const next = params.get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** The named fields of a submitted form, as typed. */
function fieldsOf<K extends string>(e: FormEvent<HTMLFormElement>, ...names: K[]): Record<K, string> {
  const data = new FormData(e.currentTarget);
  return Object.fromEntries(names.map((name) => [name, String(data.get(name) ?? '')])) as Record<K, string>;
}

/** The invitation a sign-up comes from (`next` is its link): it proves the address, so no mail is needed. */
const invitationIn = (next: string) => next.match(/^\/invite\/([\w-]+)$/)?.[1];

export function SignUpPage() {
  useTitle('Create your account');
  const [params] = useSearchParams();
  const next = useNext();
  const navigate = useNavigate();
  // Signed in: go where the person was heading. A sign-up answered 202 (mail is sent on this install) started
  // no session: the person confirms the address from their inbox.
  const m = useSignUp(() => navigate(next));
  if (m.data?.message) {
    return (
      <div className="auth-card">
        <h1>Check your inbox</h1>
        <Notice>{m.data.message}</Notice>
        <p>
          <Link to="/sign-in">Go to sign in</Link>
        </p>
      </div>
    );
  }
  const invitation = invitationIn(next);
  return (
    <div className="auth-card">
      <h1>Create your Waymark account</h1>
      <p>Plan your own learning, find people who can help, and learn out loud.</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate({ ...fieldsOf(e, 'name', 'email', 'password'), ...(invitation && { invitation }) });
        }}
      >
        <FormError error={m.error} />
        <Field label="Your name" name="name" autoComplete="name" required error={fieldError(m.error, 'name')} />
        <EmailField defaultValue={params.get('email') ?? ''} error={fieldError(m.error, 'email')} />
        <PasswordField isNew error={fieldError(m.error, 'password')} />
        <button type="submit" disabled={m.isPending}>
          {m.isPending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Have an account already? <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </div>
  );
}

/** Where the link in a confirmation mail lands: one click confirms (a click, so mail scanners confirm nothing). */
export function VerifyEmailPage() {
  useTitle('Confirm your address');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const m = useVerifyEmail(() => navigate('/'));
  const tokenError = fieldError(m.error, 'token');
  return (
    <div className="auth-card">
      <h1>Confirm your e-mail address</h1>
      <p>One click and your Waymark account is ready: you are signed in at once.</p>
      {tokenError ? (
        <p className="alert" role="alert">
          {tokenError} <Link to="/sign-in">Sign in</Link>
        </p>
      ) : (
        <FormError error={m.error} />
      )}
      <button type="button" onClick={() => m.mutate({ token: params.get('token') ?? '' })} disabled={m.isPending}>
        {m.isPending ? 'Confirming…' : 'Confirm my address'}
      </button>
    </div>
  );
}

export function SignInPage() {
  useTitle('Sign in');
  const next = useNext();
  const navigate = useNavigate();
  const m = useSignIn(() => navigate(next));
  return (
    <div className="auth-card">
      <h1>Sign in to Waymark</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate(fieldsOf(e, 'email', 'password'));
        }}
      >
        <FormError error={m.error} />
        <EmailField error={fieldError(m.error, 'email')} />
        <PasswordField error={fieldError(m.error, 'password')} />
        <button type="submit" disabled={m.isPending}>
          {m.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        <Link to={`/sign-in/organisation${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}>
          Sign in with your organisation
        </Link>{' '}
        (single sign-on with your work account)
      </p>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here? <Link to={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </div>
  );
}

export function ForgotPasswordPage() {
  useTitle('Reset your password');
  const m = useForgotPassword();
  return (
    <div className="auth-card">
      <h1>Reset your password</h1>
      <p>We will e-mail you a link to choose a new password.</p>
      {m.data ? (
        <Notice>{m.data.message}</Notice>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            m.mutate(fieldsOf(e, 'email'));
          }}
        >
          <FormError error={m.error} />
          <EmailField error={fieldError(m.error, 'email')} />
          <button type="submit" disabled={m.isPending}>
            Send the link
          </button>
        </form>
      )}
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}

export function ResetPasswordPage() {
  useTitle('Choose a new password');
  const [params] = useSearchParams();
  const [done, setDone] = useState(false);
  const m = useResetPassword(() => setDone(true));
  return (
    <div className="auth-card">
      <h1>Choose a new password</h1>
      {done ? (
        <Notice>
          Your password is changed and every other session is signed out. <Link to="/sign-in">Sign in</Link>
        </Notice>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            m.mutate({ token: params.get('token') ?? '', ...fieldsOf(e, 'password') });
          }}
        >
          <FormError error={m.error} />
          {fieldError(m.error, 'token') && (
            <p className="alert">
              {fieldError(m.error, 'token')} <Link to="/forgot-password">Ask for a new link</Link>
            </p>
          )}
          <PasswordField label="New password" isNew error={fieldError(m.error, 'password')} />
          <button type="submit" disabled={m.isPending}>
            Save the new password
          </button>
        </form>
      )}
    </div>
  );
}
