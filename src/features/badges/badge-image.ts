import { Resvg } from '@resvg/resvg-js';
import { validationError } from '../../server/errors.js';
import { IMAGE_LIMIT_TEXT } from './badges.schema.js';

/*
 * An achievement's image: an uploaded PNG or SVG, checked, or one made from a template in the organisation's
 * colour. It travels inside every credential (a data: URL), so it must be safe wherever a wallet shows it.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_BYTES = 100 * 1024;

/**
 * What in an SVG can run or reach out: scripts, event handlers, javascript: links, embedded documents and links
 * to anything outside the image. Such an SVG is refused rather than cleaned, so what is kept is what was checked.
 */
const ACTIVE_SVG =
  /<\s*script|\son[a-z]+\s*=|javascript:|<\s*foreignObject|<\s*(iframe|embed|object)\b|<!ENTITY|(?:xlink:)?href\s*=\s*["']\s*(?!#|data:image\/(?:png|jpeg|gif);)/i;

/** Checks an uploaded image (a data: URL of a PNG or an SVG); 400 naming `image` when it is not one or not safe. */
export function checkUploadedImage(dataUrl: string): string {
  const [head, base64 = ''] = dataUrl.split(',', 2);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_BYTES) throw validationError({ image: `Keep the image under ${IMAGE_LIMIT_TEXT}.` });
  if (head === 'data:image/png;base64') {
    if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') {
      throw validationError({ image: 'That file is not a PNG image.' });
    }
    return dataUrl;
  }
  const text = bytes.toString('utf8');
  if (!/<svg[\s>]/i.test(text)) throw validationError({ image: 'That file is not an SVG image.' });
  if (ACTIVE_SVG.test(text)) {
    throw validationError({
      image: 'That SVG has scripts, event handlers or links to other files: export it as a plain image.',
    });
  }
  // It is drawn as a PNG for the baked badge (baked-image.ts): one that cannot be drawn is refused now.
  try {
    new Resvg(text);
  } catch {
    throw validationError({ image: 'That SVG cannot be drawn (it is not well-formed): export it again.' });
  }
  return dataUrl;
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);

/** The initials of an achievement's name, at most three: "Data Storytelling" → "DS". */
function initialsOf(name: string) {
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? [name];
  return words
    .slice(0, 3)
    .map((w) => w[0]?.toUpperCase())
    .join('');
}

/** A badge made from the template: a medallion in the organisation's colour with the achievement's initials. */
export function templateImage(name: string, colour: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img" aria-label="${escapeXml(name)}">
<circle cx="128" cy="128" r="120" fill="${colour}"/>
<circle cx="128" cy="128" r="100" fill="none" stroke="#ffffff" stroke-width="6"/>
<text x="128" y="146" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="56" font-weight="700" fill="#ffffff">${escapeXml(initialsOf(name))}</text>
</svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
