import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  ForgotPasswordBody,
  MessageResponse,
  ResetPasswordBody,
  SignInBody,
  SignUpBody,
  UserResponse,
  VerifyEmailBody,
} from '../../../features/auth/auth.schema';
import { api } from '../../lib/api';
import { confirmLeavingUnsent } from '../../lib/use-leave-guard';
import { type MeView, meKeys, useRefetchMe } from '../me/me-api';

// Auth keeps nothing in the query cache of its own: what changes with a session is the signed-in person (me).

/** A sign-up answers the new session (201), or words saying to confirm the address first (202, mail is sent). */
export type SignUpAnswer = Partial<UserResponse & MessageResponse>;

/**
 * Sign-up and sign-in start a session: who is signed in is read again before `onSignedIn` (which goes on to
 * the next page). A sign-up answered 202 started none, and `onSignedIn` is not called.
 */
function useStartSession<B>(path: string, onSignedIn: () => void) {
  const refetchMe = useRefetchMe();
  return useMutation({
    mutationFn: (body: B) => api<SignUpAnswer>('POST', path, body),
    onSuccess: async (answer) => {
      if (!answer.user) return;
      await refetchMe();
      onSignedIn();
    },
  });
}

export const useSignUp = (onSignedIn: () => void) => useStartSession<SignUpBody>('/api/auth/sign-up', onSignedIn);
export const useSignIn = (onSignedIn: () => void) => useStartSession<SignInBody>('/api/auth/sign-in', onSignedIn);

/** Confirms the address from the link in the mail; that starts a session too. */
export function useVerifyEmail(onVerified: () => void) {
  const refetchMe = useRefetchMe();
  return useMutation({
    mutationFn: (body: VerifyEmailBody) => api('POST', '/api/auth/verify-email', body),
    onSuccess: async () => {
      await refetchMe();
      onVerified();
    },
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (body: ForgotPasswordBody) => api<MessageResponse>('POST', '/api/auth/forgot-password', body),
  });
}

export function useResetPassword(onReset: () => void) {
  return useMutation({
    mutationFn: (body: ResetPasswordBody) => api('POST', '/api/auth/reset-password', body),
    onSuccess: onReset,
  });
}

/**
 * Whether the person may sign out now: captures kept on this device and not yet sent are sent first; any still
 * waiting (offline) would be lost, so the person is asked (docs/decisions/2026-12-05-offline-quick-capture.md).
 */
async function readyToSignOut(userId: string | undefined) {
  if (!userId) return true;
  const store = await import('../../lib/device-store');
  if (navigator.onLine && (await store.keptCaptures(userId)).length > 0) {
    await (await import('../log/capture-sync')).sendKeptCaptures(userId);
  }
  const left = (await store.keptCaptures(userId)).length;
  if (left === 0) return true;
  const [what, them] = left === 1 ? ['One entry you logged has', 'it'] : [`${left} entries you logged have`, 'them'];
  return window.confirm(
    `${what} not reached Waymark yet. Signing out removes ${them} from this device. Sign out anyway?`,
  );
}

/**
 * Signs out, after asking if a form holds text not sent yet (staying signed in keeps it); whatever the answer,
 * nothing of this person may outlive the session: neither the query cache nor what the device keeps for them
 * (who they are, captures not sent). A session that began at an OpenID Connect provider ends there too: the
 * browser goes to the provider's sign-out, which sends it back to the sign-in page.
 */
export function useSignOut(onSignedOut: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      if (!(await confirmLeavingUnsent())) return { stayed: true };
      const userId = qc.getQueryData<MeView | null>(meKeys.me)?.user.id;
      if (!(await readyToSignOut(userId).catch(() => true))) return { stayed: true };
      const answer = await api<{ providerSignOutUrl?: string } | undefined>('POST', '/api/auth/sign-out').finally(
        async () => {
          if (userId) await (await import('../../lib/device-store')).forgetPerson(userId).catch(() => undefined);
        },
      );
      return { stayed: false, providerSignOutUrl: answer?.providerSignOutUrl };
    },
    // Offline too: what the device keeps of the person goes, even when the server cannot hear of it.
    networkMode: 'always',
    onSettled: (result) => {
      if (result?.stayed) return;
      qc.clear();
      // Signed in by their organisation's provider: it ends its own session too, then sends them back.
      if (result?.providerSignOutUrl) window.location.assign(result.providerSignOutUrl);
      else onSignedOut();
    },
  });
}
