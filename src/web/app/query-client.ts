import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';

/** A 4xx will not change by asking again, nor will a read made without a connection: only the rest is retried. */
const retryable = (e: unknown) =>
  !(e instanceof ApiError && e.status >= 400 && e.status < 500) && !(e instanceof ApiError && !navigator.onLine);

/** The one query cache: the app renders from it, and route loaders fill it before a page first renders. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, e) => count < 2 && retryable(e),
      staleTime: 10_000,
      // Offline, a read is tried once and fails ("cannot be reached") instead of waiting for a connection: the
      // app opens offline (route loaders would wait forever), and reads again when it returns (refetchOnReconnect).
      networkMode: 'offlineFirst',
    },
  },
});
