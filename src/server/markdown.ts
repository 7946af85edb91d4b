import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/*
 * Markdown written by people (comments, posts) becomes HTML here, on the server, and only through
 * sanitize-html's allow-list: no scripts, styles or event handlers survive, nor images (an image would fetch
 * from anywhere) except, in posts, those uploaded to Waymark; links keep only http(s), mailto and relative
 * addresses (within Waymark) and open safely. GFM tables are kept.
 *
 * HTML typed into Markdown is shown as the text it is ("use the <table> element" reads just so), not dropped:
 * people write about HTML more often than they write HTML, and text must never silently vanish.
 */

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML, a block or a tag within a line: as text. A block keeps its own paragraph.
    html: (token) => ('block' in token && token.block ? `<p>${escapeHtml(token.text)}</p>` : escapeHtml(token.text)),
  },
});

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'rel', 'target'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // People's headings sit inside a page's own sections (h2): never above them, and never a level below the
    // next one, which screen-reader users would take for a part left out (axe's heading-order). Two levels.
    h1: 'h3',
    h2: 'h3',
    h3: 'h3',
    h4: 'h4',
    h5: 'h4',
    h6: 'h4',
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer', target: '_blank' }),
  },
};

/** Images uploaded to Waymark for posts, and nothing else: no request ever leaves for another site. */
export const POST_IMAGE_PATH = /^\/api\/posts\/images\/[0-9a-f-]{36}$/;

const withImages: sanitizeHtml.IOptions = {
  ...allowed,
  allowedTags: [...(allowed.allowedTags as string[]), 'img'],
  allowedAttributes: { ...allowed.allowedAttributes, img: ['src', 'alt'] },
  exclusiveFilter: (frame) => frame.tag === 'img' && !POST_IMAGE_PATH.test(frame.attribs.src ?? ''),
};

/**
 * Safe HTML for a piece of Markdown. `images` (posts) keeps images uploaded to Waymark for posts; any
 * other image is dropped.
 */
export function renderMarkdown(source: string, opts: { images?: boolean } = {}): string {
  return sanitizeHtml(markdown.parse(source) as string, opts.images ? withImages : allowed).trim();
}
