import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import { FeedReadError } from './feed-fetch.js';

/*
 * RSS 2.0, RSS 1.0 and Atom read with rss-parser (an XML parser underneath: never patterns on XML), then made
 * into one shape: the blog's title and site, and its posts with a stable id, link, title, text and categories.
 */

export interface ParsedPost {
  /** The post's guid (RSS) or id (Atom); its link, or a hash of its title and date, when the feed gives none. */
  guid: string;
  link: string | null;
  title: string;
  /** Plain text of the post (or its summary), for matching the programme's tag and for the participant's page. */
  text: string;
  /** The post's HTML as the feed gave it, only to find links to the programme in it. */
  html: string;
  categories: string[];
  publishedAt: Date | null;
}

export interface ParsedFeed {
  title: string | null;
  siteUrl: string | null;
  posts: ParsedPost[];
}

/** Atom entries' categories are not read by default: asked for here (RSS ones come as `categories`). */
const parser = new Parser<Record<string, unknown>, { atomCategories?: unknown[] }>({
  timeout: 0,
  customFields: { item: [['category', 'atomCategories', { keepArray: true }]] },
});

const webPage = () =>
  new FeedReadError(
    'web_page',
    'That address answered with a web page, not a feed: look for an RSS or Atom link on your blog',
  );

/** Whether an answer is a web page (HTML), by its declared type or its first tag. */
function looksLikeWebPage(contentType: string, body: string): boolean {
  if (/^\s*text\/html\b/i.test(contentType)) return true;
  const start = body.trimStart().slice(0, 15).toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html');
}

/** A category as rss-parser gives it: a string, or an object from an Atom `category` element. */
function categoryText(c: unknown): string {
  if (typeof c === 'string') return c.trim();
  if (c && typeof c === 'object') {
    const attrs = (c as { $?: { term?: string } }).$;
    if (attrs?.term) return attrs.term.trim();
    const text = (c as { _?: string })._;
    if (typeof text === 'string') return text.trim();
  }
  return '';
}

function absoluteLink(link: string | undefined, base: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Parses a feed document, or throws a FeedReadError saying it is a web page or not a feed. */
export async function parseFeed(body: string, contentType: string, feedUrl: string): Promise<ParsedFeed> {
  if (looksLikeWebPage(contentType, body)) throw webPage();
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(body);
  } catch {
    throw new FeedReadError(
      'not_a_feed',
      'That address did not answer with a feed we could read (it is not valid RSS or Atom). Check it in a feed validator.',
    );
  }
  const siteUrl = absoluteLink(feed.link, feedUrl);
  const posts = (feed.items ?? []).map((item): ParsedPost => {
    const link = absoluteLink(item.link, siteUrl ?? feedUrl);
    const title = (item.title ?? '').trim();
    const date = item.isoDate ? new Date(item.isoDate) : null;
    const publishedAt = date && !Number.isNaN(date.getTime()) ? date : null;
    const id = (item.guid ?? (item as { id?: string }).id ?? '').toString().trim();
    const guid =
      id ||
      link ||
      `sha256:${createHash('sha256')
        .update(`${title}\n${publishedAt?.toISOString() ?? ''}`)
        .digest('hex')}`;
    return {
      guid: guid.slice(0, 2000),
      link,
      title: title.slice(0, 500),
      text: (item.contentSnippet ?? item.summary ?? '').trim().slice(0, 5000),
      html: (item.content ?? '').slice(0, 100_000),
      categories: [
        ...new Set([...((item.categories ?? []) as unknown[]), ...(item.atomCategories ?? [])].map(categoryText)),
      ].filter(Boolean),
      publishedAt,
    };
  });
  return { title: feed.title?.trim() || null, siteUrl, posts };
}
