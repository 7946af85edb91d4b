import type { DefaultError, EnsureQueryDataOptions, QueryKey } from '@tanstack/react-query';
import type { LoaderFunctionArgs, Params } from 'react-router';
import { meQuery } from '../features/me/me-api';
import { queryClient } from './query-client';

/**
 * A route loader that reads what its page shows first while the page's code is fetched, so that the page renders
 * once, whole: no "Loading…" in between, nothing arriving late to push the page about, and the render in the
 * router's transition, which yields to the browser, rather than in a query's answer, which does not (issue 17).
 * `reads` starts each with `read`.
 */
export const readFirst =
  (reads: (params: Params) => (Promise<unknown> | false | undefined)[]) =>
  async ({ params }: LoaderFunctionArgs) => {
    await Promise.all(reads(params));
    return null;
  };

/**
 * One read for `readFirst`. What the cache holds already, fresh or not, is not waited for: the page shows it and
 * reads it again as it always did. A read that fails is left to the page, which shows the failure its usual way.
 */
export const read = <T, K extends QueryKey>(query: EnsureQueryDataOptions<T, DefaultError, T, K>) =>
  queryClient.ensureQueryData(query).catch(() => undefined);

/**
 * Reads for a page only owners and L&D admins see (the server refuses anyone else): started once the signed-in
 * person's memberships (read by the layout's loader at the same time) say they are one here, so that nothing is
 * asked for on a member's behalf, and the page does not wait for its organisation to be read before asking.
 */
export async function readForAdmins(orgId: string, reads: () => Promise<unknown>) {
  const me = await queryClient.ensureQueryData(meQuery).catch(() => null);
  const role = me?.memberships.find((m) => m.organizationId === orgId)?.role;
  if (role === 'owner' || role === 'admin') await reads().catch(() => undefined);
}
