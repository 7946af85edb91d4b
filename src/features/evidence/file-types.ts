/*
 * The kinds of file evidence may be. The declared type and the name's extension must agree, and the
 * first bytes must look like that kind (a "PDF" that is really an executable is refused): downloads are
 * served with the stored type, so it must be true. No Node imports: the web app reads the list too.
 */

export type Kind = { contentType: string; extensions: string[]; looksRight: (head: Buffer) => boolean };
type Buffer = import('node:buffer').Buffer;

const startsWith =
  (...bytes: number[]) =>
  (head: Buffer) =>
    bytes.every((b, i) => head[i] === b);
/** Office files and OpenDocument are zip archives. */
const zip = startsWith(0x50, 0x4b, 0x03, 0x04);
/** Text: no NUL bytes and valid UTF-8 in what we saw (a cut multi-byte character at the end is fine). */
const text = (head: Buffer) => {
  if (head.includes(0)) return false;
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(head);
  return !decoded.slice(0, -1).includes('\uFFFD');
};

const kinds: Kind[] = [
  { contentType: 'application/pdf', extensions: ['.pdf'], looksRight: startsWith(0x25, 0x50, 0x44, 0x46) },
  { contentType: 'image/png', extensions: ['.png'], looksRight: startsWith(0x89, 0x50, 0x4e, 0x47) },
  { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], looksRight: startsWith(0xff, 0xd8, 0xff) },
  { contentType: 'image/gif', extensions: ['.gif'], looksRight: startsWith(0x47, 0x49, 0x46, 0x38) },
  {
    contentType: 'image/webp',
    extensions: ['.webp'],
    looksRight: (h) =>
      h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { contentType: 'text/plain', extensions: ['.txt'], looksRight: text },
  { contentType: 'text/markdown', extensions: ['.md', '.markdown'], looksRight: text },
  { contentType: 'text/csv', extensions: ['.csv'], looksRight: text },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    looksRight: zip,
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
    looksRight: zip,
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['.pptx'],
    looksRight: zip,
  },
  { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['.odt'], looksRight: zip },
];

/** For error messages and the upload field's `accept`. */
export const allowedExtensions = kinds.flatMap((k) => k.extensions);

/**
 * The kind a file claims by its name (browsers send vague or wrong types such as application/octet-stream
 * for .md, so the extension decides), or undefined if it is not one we accept.
 */
export function kindOfName(fileName: string): Kind | undefined {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).toLowerCase() : '';
  return kinds.find((k) => k.extensions.includes(ext));
}

/** The image kinds (posts take images only), by name as kindOfName does. */
export const imageExtensions = kinds.filter((k) => k.contentType.startsWith('image/')).flatMap((k) => k.extensions);
export function imageKindOfName(fileName: string): Kind | undefined {
  const kind = kindOfName(fileName);
  return kind?.contentType.startsWith('image/') ? kind : undefined;
}
