import { Resvg } from '@resvg/resvg-js';
import * as iTXt from 'png-chunk-itxt';
import encodeChunks from 'png-chunks-encode';
import extractChunks from 'png-chunks-extract';
import { create } from 'xmlbuilder2';
import { validationError } from '../../server/errors.js';
import { templateImage } from './badge-image.js';

/*
 * Baked badges (Open Badges 3.0, "Baking"): the badge image carries its signed credential, so the image alone
 * can be verified. A PNG holds it in an iTXt chunk with the keyword `openbadgecredential` (uncompressed); an SVG
 * in an <openbadges:credential> element of the https://purl.imsglobal.org/ob/v3p0 namespace, the first child of
 * the <svg>, the JSON in CDATA. Chunks go through png-chunks-extract/-encode (which check and write the CRCs),
 * SVG through xmlbuilder2's parser and DOM: never string surgery on an image someone uploaded.
 */

export const OB3_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
export const PNG_KEYWORD = 'openbadgecredential';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The size a template badge is drawn at when a PNG is asked of an SVG image. */
const RASTER_WIDTH = 256;
/** The issuers' default colour, for the stand-in template badge. */
const TEMPLATE_COLOUR = '#1f5f8b';

export type ImageKind = 'png' | 'svg';

/** xmlbuilder2's DOM implements the DOM standard: its nodes are used through the standard's types. */
export const asElement = (node: unknown) => node as Element;

/** The bytes of a data: URL (the achievement image held in the credential), and whether it is a PNG or an SVG. */
function decodeDataUrl(dataUrl: string): { kind: ImageKind; bytes: Buffer } {
  const match = /^data:image\/(png|svg\+xml);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!match) throw new Error('The achievement image is not a PNG or SVG data: URL.');
  return { kind: match[1] === 'png' ? 'png' : 'svg', bytes: Buffer.from(match[2] as string, 'base64') };
}

/** The achievement image of an issued credential (a data: URL, as this app issues them). */
export function imageOfCredential(credential: Record<string, unknown>): string {
  const subject = credential.credentialSubject as { achievement?: { image?: { id?: unknown } } } | undefined;
  const image = subject?.achievement?.image?.id;
  if (typeof image !== 'string') throw new Error('The credential has no achievement image.');
  return image;
}

/**
 * JSON for a CDATA section: `]]>` would end it, and can only occur inside a JSON string, where `>` may be
 * written `\u003e` with the same meaning. The credential parsed back is the one signed.
 */
const cdataSafeJson = (credential: unknown) => JSON.stringify(credential).replaceAll(']]>', ']]\\u003e');

/** An image as a PNG: a PNG as it is, an SVG drawn by resvg (no network; DejaVu Sans for fonts it lacks). */
function pngOf(image: { kind: ImageKind; bytes: Buffer }): Buffer {
  if (image.kind === 'png') return image.bytes;
  const drawn = new Resvg(image.bytes, {
    fitTo: { mode: 'width', value: RASTER_WIDTH },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return Buffer.from(drawn.render().asPng());
}

/**
 * Bakes with the credential's own image, or, when that image cannot be read (an SVG stored before uploads were
 * checked for it), with the template badge of the achievement's name: the download never fails on an image.
 */
function withImage<T>(credential: Record<string, unknown>, imageDataUrl: string, bake: (dataUrl: string) => T): T {
  try {
    return bake(imageDataUrl);
  } catch {
    const subject = credential.credentialSubject as { achievement?: { name?: unknown } } | undefined;
    const name = typeof subject?.achievement?.name === 'string' ? subject.achievement.name : 'Badge';
    return bake(templateImage(name, TEMPLATE_COLOUR));
  }
}

/** The badge as a PNG with the credential baked in. An SVG badge is drawn as a PNG first. */
export function bakePng(credential: Record<string, unknown>, imageDataUrl = imageOfCredential(credential)): Buffer {
  const png = withImage(credential, imageDataUrl, (dataUrl) => {
    const drawn = pngOf(decodeDataUrl(dataUrl));
    return { drawn, chunks: extractChunks(drawn) };
  });
  // Any credential baked before is replaced, not added to: one image, one credential.
  const chunks = png.chunks.filter((c) => !(c.name === 'iTXt' && keywordOf(c.data) === PNG_KEYWORD));
  const data = iTXt.encodeSync({
    keyword: PNG_KEYWORD,
    compressionFlag: false,
    compressionMethod: 0,
    languageTag: '',
    translatedKeyword: '',
    text: JSON.stringify(credential),
  });
  chunks.splice(chunks.length - 1, 0, { name: 'iTXt', data });
  return Buffer.from(encodeChunks(chunks));
}

/** The badge as an SVG with the credential baked in. A PNG badge is wrapped in an SVG <image>. */
export function bakeSvg(credential: Record<string, unknown>, imageDataUrl = imageOfCredential(credential)): string {
  const doc = withImage(credential, imageDataUrl, (dataUrl) => {
    const image = decodeDataUrl(dataUrl);
    return image.kind === 'svg'
      ? create(image.bytes.toString('utf8'))
      : create()
          .ele('http://www.w3.org/2000/svg', 'svg', { width: '256', height: '256', viewBox: '0 0 256 256' })
          .ele('image', { width: '256', height: '256', href: dataUrl })
          .doc();
  });
  const root = doc.root();
  // A credential baked before is replaced, not added to.
  for (const old of Array.from(asElement(root.node).children)) {
    if (old.namespaceURI === OB3_NAMESPACE) old.remove();
  }
  root.att('http://www.w3.org/2000/xmlns/', 'xmlns:openbadges', OB3_NAMESPACE);
  const element = root.ele(OB3_NAMESPACE, 'openbadges:credential').dat(cdataSafeJson(credential));
  root.node.insertBefore(element.node, root.node.firstChild);
  return doc.end({ headless: false });
}

/** The keyword of an iTXt chunk: its bytes up to the first NUL (1 to 79 Latin-1 characters). */
function keywordOf(data: Uint8Array): string {
  const end = data.indexOf(0);
  return Buffer.from(data.subarray(0, Math.max(end, 0))).toString('latin1');
}

const noCredential = (what: string) =>
  validationError({ file: `${what}, so there is nothing to verify in it.` }, 'No credential in that image.');

/** What kind of image a file is, by its bytes (not its name or declared type). */
export function imageKindOf(bytes: Buffer): ImageKind | undefined {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  const head = bytes
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return /^\s*</.test(head) && /<svg[\s>]/i.test(bytes.toString('utf8')) ? 'svg' : undefined;
}

/** The text baked into a PNG (a credential's JSON, or a VC-JWT); 400 naming `file` when there is none. */
function textOfPng(bytes: Buffer): string {
  let chunks: { name: string; data: Uint8Array }[];
  try {
    chunks = extractChunks(bytes);
  } catch {
    throw validationError({ file: 'That PNG is damaged (its chunks do not read): it cannot be checked.' });
  }
  const baked = chunks.find((c) => c.name === 'iTXt' && keywordOf(c.data) === PNG_KEYWORD);
  if (!baked) throw noCredential(`That PNG holds no Open Badges credential (no iTXt chunk "${PNG_KEYWORD}")`);
  // Open Badges bakes uncompressed; an inflated chunk could be made arbitrarily large, so it is not read.
  if (baked.data[PNG_KEYWORD.length + 1] !== 0) {
    throw validationError({ file: 'The credential in that PNG is compressed; Open Badges 3.0 bakes it uncompressed.' });
  }
  return iTXt.decodeSync(baked.data).text;
}

/**
 * The text baked into an SVG. xmlbuilder2's parser fetches nothing and expands no declared entity (a DOCTYPE's
 * internal subset is dropped), so an uploaded SVG cannot reach a file or the network, or grow as it is read.
 */
function textOfSvg(bytes: Buffer): string {
  let root: Element;
  try {
    root = asElement(create(bytes.toString('utf8')).root().node);
  } catch {
    throw validationError({ file: 'That SVG is not well-formed XML: it cannot be checked.' });
  }
  const element = root.getElementsByTagNameNS(OB3_NAMESPACE, 'credential')[0];
  if (!element) {
    throw noCredential('That SVG holds no Open Badges credential (no <openbadges:credential> element)');
  }
  // A VC-JWT is baked in the element's `verify` attribute; a JSON credential as its text.
  return element.getAttribute('verify') ?? element.textContent ?? '';
}

/** The credential baked into an uploaded image: its JSON parsed, or the compact VC-JWT as it is. */
export function extractBakedCredential(bytes: Buffer): { kind: ImageKind; baked: Record<string, unknown> | string } {
  const kind = imageKindOf(bytes);
  if (!kind) throw validationError({ file: 'That file is not a PNG or an SVG image.' });
  const text = (kind === 'png' ? textOfPng(bytes) : textOfSvg(bytes)).trim();
  if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(text)) return { kind, baked: text };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw validationError({ file: `The credential baked in that ${kind.toUpperCase()} is not JSON.` });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationError({ file: `The credential baked in that ${kind.toUpperCase()} is not a JSON object.` });
  }
  return { kind, baked: parsed as Record<string, unknown> };
}
