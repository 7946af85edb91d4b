import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeView, MyMembership, UpdateMeBody } from '../../../features/me/me.schema';
import { ApiError, api } from '../../lib/api';
import { afterFirstPage } from '../../lib/first-page';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { MeView, MyMembership };

/** The signed-in person is one entry; signing in or out, joining or leaving an organisation reads it again. */
export const meKeys = {
  me: ['me'] as const,
};

/** Who was signed in last on this device (lib/device-store.ts, loaded only when used). */
const deviceStore = () => import('../../lib/device-store');

/**
 * The signed-in person, or null when signed out (also read by the signed-in pages' route loader). Without a
 * connection, the person signed in last on this device, so that the app opens offline (quick capture works,
 * pages say they cannot reach Waymark); signing out forgets them (docs/decisions/2026-12-05-offline-quick-capture.md).
 */
export const meQuery = queryOptions({
  queryKey: meKeys.me,
  queryFn: async () => {
    try {
      const me = await api<MeView>('GET', '/api/me');
      // Remembered once the first page is drawn: it is for opening offline later, not for this page.
      void afterFirstPage()
        .then(deviceStore)
        .then((d) => d.rememberSignedIn(me))
        .catch(() => undefined);
      return me;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        void deviceStore()
          .then((d) => d.forgetSignedIn())
          .catch(() => undefined);
        return null;
      }
      const offline = e instanceof ApiError && e.status === 0;
      const last = offline
        ? await deviceStore().then(
            (d) => d.lastSignedIn(),
            () => undefined,
          )
        : undefined;
      if (last) return last;
      throw e;
    }
  },
  networkMode: 'always',
});

export function useMe() {
  return useQuery(meQuery);
}

/**
 * Reads the signed-in person again, even where no page shows them at the moment (`type: 'all'`): after a
 * session starts or their memberships change, the next page must not start from the old answer.
 */
export function useRefetchMe() {
  const qc = useQueryClient();
  return () => qc.refetchQueries({ queryKey: meKeys.me, type: 'all' });
}

/** Changes the person's name (the same in every organisation). */
export function useRename(onRenamed: () => void) {
  const refetchMe = useRefetchMe();
  return useMutation({
    mutationFn: (name: UpdateMeBody['name']) => api<MeView>('PATCH', '/api/me', { name } satisfies UpdateMeBody),
    onSuccess: () => {
      onRenamed();
      void refetchMe();
    },
  });
}
