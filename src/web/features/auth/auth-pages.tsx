import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmailField, Field, PasswordField } from '../../components/field';
import { FormError, Notice } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { api, fieldError } from '../../lib/api';

/** Where to go after signing in: only paths inside Waymark, so a link cannot send people elsewhere. */
function useNext() {
  const [params] = useSearchParams();
  const next = params.get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * Sign-up and sign-in start a session: refresh who we are, then go where the person was heading. A sign-up
 * answered 202 (mail is sent on this install) started none: the person confirms the address from their inbox.
 */
function useStartSession(path: string) {
  const next = useNext();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, string>) => api<{ user?: unknown; message?: string }>('POST', path, body),
    onSuccess: async (answer) => {
      if (!answer.user) return;
      await qc.refetchQueries({ queryKey: ['me'], type: 'all' });
      navigate(next);
    },
  });
}

const formData = (e: FormEvent<HTMLFormElement>) =>
  Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;

/** The invitation a sign-up comes from (`next` is its link): it proves the address, so no mail is needed. */
const invitationIn = (next: string) => next.match(/^\/invite\/([\w-]+)$/)?.[1];

export function SignUpPage() {
  useTitle('Create your account');
  const [params] = useSearchParams();
  const next = useNext();
  const m = useStartSession('/api/auth/sign-up');
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
          m.mutate({ ...formData(e), ...(invitation && { invitation }) });
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
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => api('POST', '/api/auth/verify-email', { token: params.get('token') ?? '' }),
    onSuccess: async () => {
      await qc.refetchQueries({ queryKey: ['me'], type: 'all' });
      navigate('/');
    },
  });
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
      <button type="button" onClick={() => m.mutate()} disabled={m.isPending}>
        {m.isPending ? 'Confirming…' : 'Confirm my address'}
      </button>
    </div>
  );
}

export function SignInPage() {
  useTitle('Sign in');
  const next = useNext();
  const m = useStartSession('/api/auth/sign-in');
  return (
    <div className="auth-card">
      <h1>Sign in to Waymark</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate(formData(e));
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
  const m = useMutation({
    mutationFn: (body: Record<string, string>) => api<{ message: string }>('POST', '/api/auth/forgot-password', body),
  });
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
            m.mutate(formData(e));
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
  const m = useMutation({
    mutationFn: (password: string) =>
      api('POST', '/api/auth/reset-password', { token: params.get('token') ?? '', password }),
    onSuccess: () => setDone(true),
  });
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
            m.mutate(formData(e).password ?? '');
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
