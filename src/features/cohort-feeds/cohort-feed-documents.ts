import { Feed } from 'feed';
import sanitizeHtml from 'sanitize-html';
import { create } from 'xmlbuilder2';
import { cutText, oneLine } from '../../server/text.js';
import type { CohortBlogRow, FeedReflectionRow } from './cohort-feeds.repository.js';

/*
 * The two documents behind a cohort's feed link, built by libraries (feed for Atom, xmlbuilder2 for OPML), never
 * by joining strings. Both are deterministic (no "now" in them), so an unchanged cohort gives the same bytes and
 * its ETag answers If-None-Match with 304.
 */

export interface CohortFeedAbout {
  orgId: string;
  cohortId: string;
  cohortName: string;
  programmeTitle: string;
  /** When the cohort was made: the feed's `updated` while it holds no entries. */
  cohortCreatedAt: Date;
  baseUrl: string;
}

const SUMMARY_LENGTH = 300;
// Block ends become spaces, so "<p>one</p><p>two</p>" reads "one two", not "onetwo".
const blockEnds = /<\/(?:p|li|h[1-6]|blockquote|pre|div|tr|td|th)>|<br\s*\/?>/gi;

/** The plain text of sanitised post HTML: every tag dropped, entities read, on one line, cut by whole characters. */
export function plainSummary(html: string): string {
  const escaped = sanitizeHtml(html.replace(blockEnds, '$& '), { allowedTags: [], allowedAttributes: {} });
  // sanitize-html escapes exactly these three in text; reading them back gives the text as people wrote it.
  const text = escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return cutText(oneLine(text), SUMMARY_LENGTH);
}

/*
 * The feed library writes titles and summaries as Atom `type="html"` in CDATA: plain text is escaped into
 * HTML first, so a reader shows "<script>" as text, and "]]>" cannot end the CDATA early.
 */
const asHtmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const cohortPage = (about: CohortFeedAbout) => `${about.baseUrl}/orgs/${about.orgId}/cohorts/${about.cohortId}`;

/** One entry: a Waymark post (linked to its page) or a post on the participant's own blog (linked there). */
function entryOf(row: FeedReflectionRow, about: CohortFeedAbout, host: string) {
  const title = `${row.thingTitle}: ${row.author}`;
  if (row.postId) {
    const link = `${about.baseUrl}/orgs/${about.orgId}/posts/${row.postId}`;
    return {
      title,
      id: link,
      link,
      date: row.postEditedAt ?? row.postCreatedAt ?? (row.reflectedAt as Date),
      summary: [row.postTitle, plainSummary(row.postHtml ?? '')].filter(Boolean).join(': '),
    };
  }
  return {
    title,
    // A tag URI (RFC 4151): stable for the participant's reflection on this thing, whichever link it points at.
    id: `tag:${host},2026:cohort-reflection/${row.enrolmentId}/${row.thingId}`,
    link: row.url as string,
    date: row.reflectedAt as Date,
    summary: [row.urlTitle, cutText(oneLine(row.blogSummary ?? ''), SUMMARY_LENGTH)].filter(Boolean).join(': '),
  };
}

/** The Atom feed of the reflections the link's holder may read, newest first. */
export function buildReflectionsAtom(about: CohortFeedAbout, rows: FeedReflectionRow[]): string {
  const host = new URL(about.baseUrl).hostname;
  const entries = rows.map((row) => ({ row, entry: entryOf(row, about, host) }));
  const updated = new Date(
    Math.max(about.cohortCreatedAt.getTime(), ...entries.map(({ entry }) => entry.date.getTime())),
  );
  const feed = new Feed({
    id: cohortPage(about),
    link: cohortPage(about),
    title: `${about.programmeTitle}: ${about.cohortName}`,
    description: `Reflections shared by the ${about.cohortName} cohort`,
    updated,
    generator: 'Waymark',
    copyright: 'Each reflection belongs to its author',
  });
  for (const { row, entry } of entries) {
    feed.addItem({
      title: asHtmlText(entry.title),
      id: entry.id,
      link: entry.link,
      date: entry.date,
      description: entry.summary ? asHtmlText(entry.summary) : undefined,
      author: [{ name: row.author }],
    });
  }
  return feed.atom1();
}

/** The OPML list of the participants' blogs (only those who registered one), for a feed reader to import. */
export function buildBlogsOpml(about: CohortFeedAbout, blogs: CohortBlogRow[]): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele('opml', { version: '2.0' });
  doc
    .ele('head')
    .ele('title')
    .txt(`Blogs of the ${about.cohortName} cohort (${about.programmeTitle})`)
    .up()
    .ele('docs')
    .txt('http://opml.org/spec2.opml');
  const body = doc.ele('body');
  for (const blog of blogs) {
    const text = blog.title ? `${blog.name}: ${blog.title}` : blog.name;
    body.ele('outline', {
      type: 'rss',
      text,
      title: text,
      xmlUrl: blog.feedUrl,
      ...(blog.siteUrl ? { htmlUrl: blog.siteUrl } : {}),
    });
  }
  return doc.end({ prettyPrint: true });
}
