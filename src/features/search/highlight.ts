/*
 * Highlighting for search results, done here rather than with ts_headline: the text is escaped first, so a
 * post containing markup can never become markup in a result, and words found by trigram similarity (typos)
 * are marked too, which ts_headline cannot do.
 */

import { cutText } from '../../server/text.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

function trigrams(word: string): Set<string> {
  const padded = `  ${word.toLowerCase()} `;
  const grams = new Set<string>();
  for (let i = 0; i < padded.length - 2; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** pg_trgm's similarity of two words (shared trigrams over all trigrams), 0..1. */
export function wordSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Whether a word of the text answers a word of the query: the same start (stems: "tables", "table") or a near spelling. */
function matches(word: string, queryWords: string[]): boolean {
  const w = word.toLowerCase();
  return queryWords.some((q) => {
    const stem = q.slice(0, Math.max(4, q.length - 2));
    return (q.length >= 3 && w.startsWith(stem)) || (w.length >= 4 && wordSimilarity(w, q) >= 0.5);
  });
}

/**
 * Markdown as the words a reader sees: images and link targets, emphasis and heading marks go, so an excerpt
 * shows "which one question", not "**which one question**" or an image's address.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/(^|\s)#{1,6}\s+/g, '$1')
    .replace(/[*_~`>]+/g, '');
}

export const queryWordsOf = (q: string) =>
  q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);

/**
 * A short excerpt of `text` around its first match, escaped, with the matching words in <mark>. Without a
 * match, the start of the text.
 */
export function highlight(text: string, q: string, length = 180): string {
  const words = queryWordsOf(q);
  const flat = text.replace(/\s+/g, ' ').trim();
  const tokens = flat.split(/([^\p{L}\p{N}]+)/u);
  let firstAt = -1;
  let offset = 0;
  for (const token of tokens) {
    if (firstAt < 0 && token && matches(token, words)) firstAt = offset;
    offset += token.length;
  }
  const start = firstAt > length / 3 ? flat.lastIndexOf(' ', firstAt - length / 3) + 1 : 0;
  const rest = flat.slice(start);
  const excerpt = cutText(rest, length, '');
  const cut = excerpt.length < rest.length;
  const marked = excerpt
    .split(/([^\p{L}\p{N}]+)/u)
    .map((token) => (token && matches(token, words) ? `<mark>${escapeHtml(token)}</mark>` : escapeHtml(token)))
    .join('');
  return `${start > 0 ? '…' : ''}${marked}${cut ? '…' : ''}`;
}
