import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/*
 * Markdown written by people (comments, posts) becomes HTML here, on the server, and only through
 * sanitize-html's allow-list: no raw HTML, scripts, styles or event handlers survive, nor images (an image would
 * fetch from anywhere) except, in posts, those uploaded to Waymark; links keep only http(s), mailto and relative
 * addresses (within Waymark) and open safely.
 */

const markdown = new Marked({ gfm: true, breaks: true, async: false });

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
  ],
  allowedAttributes: { a: ['href', 'rel', 'target'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // A comment's headings sit inside a page's own: never above its h2 sections.
    h1: 'h3',
    h2: 'h4',
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
