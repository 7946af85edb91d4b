import { z } from 'zod';
import { idParam } from '../../server/schemas.js';

/*
 * A cohort's feeds for feed readers: the Atom feed of its reflections and the OPML list of its participants'
 * blogs, both behind one personal secret link per person and cohort.
 */

export const cohortParams = z.object({ cohortId: idParam });

/*
 * Any string is accepted here on purpose: a malformed token must answer 404 exactly like a revoked one, not a
 * 400 that would tell a guesser which shapes the server expects.
 */
export const cohortFeedParams = z.object({ token: z.string() });

/** What making a link answers: both addresses, shown once (only a fingerprint of the token is kept). */
export const cohortFeedLinkView = z
  .object({
    atomUrl: z.url().meta({ description: 'The Atom feed of the cohort’s reflections, for a feed reader' }),
    opmlUrl: z.url().meta({ description: 'The OPML list of the participants’ blogs, to import into a feed reader' }),
    madeAt: z.iso.datetime(),
  })
  .meta({ id: 'CohortFeedLink' });
export type CohortFeedLinkView = z.infer<typeof cohortFeedLinkView>;

/** Whether the person has a link to the cohort's feeds (never the link itself: it was shown once). */
export const cohortFeedLinkStatus = z
  .object({
    active: z.boolean(),
    madeAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CohortFeedLinkStatus' });
export type CohortFeedLinkStatus = z.infer<typeof cohortFeedLinkStatus>;

export const atomDocument = z
  .string()
  .meta({ description: 'An Atom 1.0 (RFC 4287) feed, served as application/atom+xml' });
export const opmlDocument = z.string().meta({ description: 'An OPML 2.0 list of feeds, served as text/x-opml' });
