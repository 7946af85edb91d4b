/*
 * Cutting text by UTF-16 units (`slice(0, n)`) can split a character: half of an emoji's surrogate pair is
 * not text (PostgreSQL's json refuses it: a comment with an emoji at its 200th character answered 500), and
 * half of "👩🏽‍🚀" or of "é" written as e + accent shows as something else. Text is only ever cut here, by whole
 * characters as a reader sees them (grapheme clusters). Pure: the web app uses it too.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` if it is at most `max` UTF-16 units long (the measure of `string.length` and of every length limit
 * in the schemas), otherwise its longest start of whole characters that fits in `max` with `ellipsis` after it.
 */
export function cutText(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  const room = max - ellipsis.length;
  let end = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (end + segment.length > room) break;
    end += segment.length;
  }
  return `${text.slice(0, end)}${ellipsis}`;
}

/** Whitespace runs as single spaces, trimmed: text as one line, for excerpts, titles and subjects. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A name as the lower-case ASCII words of a download's file name ("Q1 2027" → "q1-2027"), or `fallback`. */
export const fileNameSlug = (name: string, fallback: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || fallback;
