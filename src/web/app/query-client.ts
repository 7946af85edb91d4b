import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';

/** The one query cache: the app renders from it, and route loaders fill it before a page first renders. */
export const queryClient = new QueryClient({
  defaultOptions: {
    // A 4xx will not change by asking again; only network and server trouble is retried.
    queries: {
      retry: (count, e) => count < 2 && !(e instanceof ApiError && e.status >= 400 && e.status < 500),
      staleTime: 10_000,
    },
  },
});
