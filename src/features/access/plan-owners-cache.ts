import { defineReadCache } from '../../server/read-cache.js';
import { findPlanOwnership, type PlanOwnership } from './access.repository.js';

/**
 * Who owns each plan: fixed for the plan's life, so forgotten only when it is deleted. The gate asks on every
 * plan read and write; it is the gate's data, so the cache lives here rather than with the plans feature.
 */
export const planOwnersCache = defineReadCache<string, PlanOwnership | undefined>({
  name: 'plan owners',
  ttlMs: 10 * 60_000,
  maxEntries: 100_000,
  keyOf: (planId) => planId,
  load: (ctx, planId) => findPlanOwnership(ctx.db, planId),
  forgets: {
    plan: (change, cache) => {
      if (change.removed) cache.forget(change.planId);
    },
  },
});
