import type { ProgrammeOutline, ProgrammeThingRow } from '../programmes/index.js';
import type { ParsedPost } from './feed-parse.js';

/*
 * Which blog posts belong to a programme, and which thing each is about. A participant's blog holds other posts
 * too: only those that carry the programme's tag (as a category, or in the title or text) or link to the
 * programme are kept. The thing is the one the post names ("Thing 5", "#5", or the thing's title); when it names
 * none, the participant picks.
 */

/** The tag as people write it, compared without its # and case. */
const normalTag = (tag: string) => tag.trim().replace(/^#/, '').toLowerCase();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `text` holds `word` on its own (not inside a longer word), ignoring case. */
function holdsWord(text: string, word: string): boolean {
  if (!word) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}_-])#?${escapeRegExp(word)}($|[^\\p{L}\\p{N}_-])`, 'iu').test(text);
}

/** Whether a post belongs to the programme: its tag in categories, title or text, or a link to the programme. */
export function belongsToProgramme(post: ParsedPost, tag: string, programmePath: string): boolean {
  const word = normalTag(tag);
  if (word) {
    if (post.categories.some((c) => normalTag(c) === word)) return true;
    if (holdsWord(post.title, word) || holdsWord(post.text, word)) return true;
  }
  return post.html.includes(programmePath) || post.text.includes(programmePath);
}

/** The thing a post names by number ("Thing 5", "thing #5", "#5") or by title, or undefined. */
export function thingNamed(post: ParsedPost, outline: ProgrammeOutline): ProgrammeThingRow | undefined {
  const places = [post.title, ...post.categories];
  for (const place of places) {
    const number = /(?:\bthing\s*#?\s*|(?:^|\s)#)(\d{1,3})\b/i.exec(place)?.[1];
    const thing = number ? outline.things[Number(number) - 1] : undefined;
    if (thing) return thing;
  }
  // Longest titles first, so "Blogging tools" wins over "Blogging" when a post names the former.
  const byLength = [...outline.things].sort((a, b) => b.title.length - a.title.length);
  for (const thing of byLength) {
    const title = thing.title.trim().toLowerCase();
    if (title.length < 3) continue;
    if (post.categories.some((c) => c.toLowerCase() === title) || holdsWord(post.title, title)) return thing;
  }
  return undefined;
}
