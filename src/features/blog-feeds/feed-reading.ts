import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { notify } from '../notifications/index.js';
import { loadProgrammeOutline, type ProgrammeOutline } from '../programmes/index.js';
import {
  type BlogFeedRow,
  claimDueFeeds,
  type DueFeed,
  type FeedItemRow,
  insertFeedItems,
  type NewFeedItem,
  recordReadFailure,
  recordReadSuccess,
} from './blog-feeds.repository.js';
import { defaultLimits, FeedReadError, type FetchLimits, fetchFeed } from './feed-fetch.js';
import { type ParsedFeed, parseFeed } from './feed-parse.js';
import { belongsToProgramme, thingNamed } from './post-matching.js';

/*
 * Reading participants' blog feeds: one feed (at registration, or by the job), and the job's run over the feeds
 * that are due. A failure is stored on the feed in the participant's words and the feed is read again later,
 * later still after repeated failures; nothing a feed does reaches the job runner as an exception.
 */

const HOUR = 60 * 60 * 1000;
/** The longest wait between reads of a feed that keeps failing. */
const MAX_BACKOFF = 24 * HOUR;
/** How long a claimed feed is kept from other runs while it is read (far longer than a read can take). */
const LEASE = 15 * 60 * 1000;

export const fetchLimits = (ctx: AppContext, overrides: Partial<FetchLimits> = {}): FetchLimits => ({
  ...defaultLimits,
  allowPrivateHosts: ctx.config.FEEDS_ALLOW_PRIVATE_HOSTS,
  ...overrides,
});

/** An hour after a good read; after failures, as long as it has been failing (so waits double), up to a day. */
export function nextReadAfter(feed: Pick<BlogFeedRow, 'lastReadAt' | 'createdAt'>, now: Date, failed: boolean): Date {
  if (!failed) return new Date(now.getTime() + HOUR);
  const failingFor = now.getTime() - (feed.lastReadAt ?? feed.createdAt).getTime();
  return new Date(now.getTime() + Math.min(MAX_BACKOFF, Math.max(HOUR, failingFor)));
}

/** The path of the programme in the app: a post that links to it belongs to it. */
const programmePath = (programmeId: string) => `/programmes/${programmeId}`;

/**
 * The posts of a parsed feed that belong to the programme, as feed items of the enrolment, each with the thing
 * it names (or none, for the participant to pick). One per guid and per link, as the unique indexes keep them.
 */
export function itemsFor(enrolmentId: string, feed: ParsedFeed, outline: ProgrammeOutline, at: Date): NewFeedItem[] {
  const seenGuids = new Set<string>();
  const seenLinks = new Set<string>();
  const items: NewFeedItem[] = [];
  for (const post of feed.posts) {
    if (!belongsToProgramme(post, outline.programme.tag, programmePath(outline.programme.id))) continue;
    if (seenGuids.has(post.guid) || (post.link && seenLinks.has(post.link))) continue;
    seenGuids.add(post.guid);
    if (post.link) seenLinks.add(post.link);
    items.push({
      id: randomUUID(),
      enrolmentId,
      guid: post.guid,
      link: post.link,
      title: post.title,
      summary: post.text.slice(0, 500),
      publishedAt: post.publishedAt,
      thingId: thingNamed(post, outline)?.id ?? null,
      accepted: false,
      createdAt: at,
    });
  }
  return items;
}

/** Reads and parses a feed address: the check at registration and the job's read share it. */
export async function readFeedDocument(
  ctx: AppContext,
  feedUrl: string,
  conditional: { etag?: string | null; lastModified?: string | null } = {},
  limits: Partial<FetchLimits> = {},
) {
  const fetched = await fetchFeed(feedUrl, conditional, fetchLimits(ctx, limits));
  if (fetched.notModified) return { notModified: true as const };
  const parsed = await parseFeed(fetched.body, fetched.contentType, feedUrl);
  return { notModified: false as const, parsed, etag: fetched.etag, lastModified: fetched.lastModified };
}

/**
 * Tells the participant about the posts found on their blog in one read: one notification per read, naming the
 * thing when a single post names one (a first read of a busy blog tells once, not once per post).
 */
async function offer(ctx: AppContext, due: DueFeed, outline: ProgrammeOutline, items: FeedItemRow[]): Promise<void> {
  const [first] = items;
  if (!first) return;
  const index = outline.things.findIndex((t) => t.id === first.thingId);
  const thing = outline.things[index];
  const one = items.length === 1;
  await notify(ctx, {
    userId: due.userId,
    organizationId: due.organizationId,
    kind: 'programme_blog_post',
    title: one ? `A post from your blog: ${first.title || 'untitled'}` : `${items.length} posts from your blog`,
    body:
      one && thing
        ? `Use it as your reflection for Thing ${index + 1}: ${thing.title}?`
        : `Use ${one ? 'it' : 'them'} as reflections on things of ${outline.programme.title}: pick on your blog page.`,
    link: `/orgs/${due.organizationId}/programmes/${due.programmeId}/blog`,
    dedupeKey: `programme_blog_post:${first.id}`,
  });
}

/** Words for a failure that is ours, not the feed's (the details go to the log). */
const OUR_FAULT = 'Something went wrong on our side while reading your blog. We will try again later.';

/**
 * Reads one due feed: keeps its new programme posts and offers them to the participant, or stores why it could
 * not be read. Never throws. `outlines` caches programme outlines across one run.
 */
export async function readOneFeed(
  ctx: AppContext,
  due: DueFeed,
  now: Date,
  outlines: Map<string, Promise<ProgrammeOutline | undefined>>,
  limits: Partial<FetchLimits> = {},
): Promise<'read' | 'not_modified' | 'failed'> {
  const { feed } = due;
  try {
    const conditional = { etag: feed.etag, lastModified: feed.lastModified };
    const read = await readFeedDocument(ctx, feed.feedUrl, conditional, limits);
    if (read.notModified) {
      await recordReadSuccess(ctx.db, feed.enrolmentId, now, nextReadAfter(feed, now, false));
      return 'not_modified';
    }
    let outline = outlines.get(due.programmeId);
    if (!outline) {
      outline = loadProgrammeOutline(ctx.db, due.programmeId);
      outlines.set(due.programmeId, outline);
    }
    const programme = await outline;
    const inserted = await ctx.db.transaction(async (tx) => {
      const rows = programme ? await insertFeedItems(tx, itemsFor(feed.enrolmentId, read.parsed, programme, now)) : [];
      await recordReadSuccess(tx, feed.enrolmentId, now, nextReadAfter(feed, now, false), {
        title: read.parsed.title,
        siteUrl: read.parsed.siteUrl,
        etag: read.etag,
        lastModified: read.lastModified,
      });
      return rows;
    });
    // After the commit: notifications go through the job queue, which shares PGlite's one connection.
    if (programme) await offer(ctx, due, programme, inserted);
    return 'read';
  } catch (err) {
    const words = err instanceof FeedReadError ? err.message : OUR_FAULT;
    if (!(err instanceof FeedReadError)) ctx.log.error({ err, enrolmentId: feed.enrolmentId }, 'reading a blog feed');
    try {
      await recordReadFailure(ctx.db, feed.enrolmentId, now, words, nextReadAfter(feed, now, true));
    } catch (stored) {
      ctx.log.error({ err: stored, enrolmentId: feed.enrolmentId }, 'storing a blog feed error');
    }
    return 'failed';
  }
}

export interface ReadRunOptions {
  /** Feeds read at the same time. */
  concurrency?: number;
  /** Feeds taken per claim; a run claims again until none are due. */
  batch?: number;
  /** Tighter fetch limits (tests of the time limit). */
  limits?: Partial<FetchLimits>;
}

/**
 * Reads every feed due by `now`, `concurrency` at a time, claiming them in batches. Returns how the reads went.
 */
export async function readDueFeeds(ctx: AppContext, now: Date, options: ReadRunOptions = {}) {
  // One at a time: fetching, parsing and storing a feed is CPU the routes need too. On two cores, 8 at a time made
  // /api/me's p99 5-9 times longer while a run read 2,000 local feeds in 7 s; 2 at a time, 2.4-3 times; one at a
  // time, 0.8-1.3 times, the run taking 17 s (bench/blog-feeds.ts). Real blogs answer slower than local ones,
  // so a run takes longer: it is hourly, and each feed claimed is leased, so a slow run never reads one twice.
  const concurrency = options.concurrency ?? 1;
  const batch = options.batch ?? 200;
  const outlines = new Map<string, Promise<ProgrammeOutline | undefined>>();
  const counts = { read: 0, not_modified: 0, failed: 0 };
  for (;;) {
    const due = await claimDueFeeds(ctx.db, now, batch, new Date(now.getTime() + LEASE));
    if (due.length === 0) break;
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const one = due[next++] as DueFeed;
        counts[await readOneFeed(ctx, one, now, outlines, options.limits)]++;
        // Let waiting requests in between feeds (parsing and matching run on the event loop).
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
    if (due.length < batch) break;
  }
  return counts;
}
