import type { Readable } from 'node:stream';
import { tooLarge, validationError } from '../../server/errors.js';
import { type FileStore, FileTooLargeError, type StoredFile } from './file-store.js';
import type { Kind } from './file-types.js';

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Stores an upload whole or not at all and checks what arrived: not over `maxBytes` (413), not empty, and
 * content that looks like its kind (400 on `field`). Anything refused is removed again, so a failed upload
 * leaves nothing behind. The caller removes the file if its own later step (a row) fails.
 */
export async function storeCheckedUpload(
  files: FileStore,
  key: string,
  stream: Readable,
  kind: Kind,
  maxBytes: number,
  field = 'file',
): Promise<StoredFile> {
  let stored: StoredFile;
  try {
    stored = await files.put(key, stream, maxBytes);
  } catch (err) {
    if (err instanceof FileTooLargeError) {
      throw tooLarge(
        { [field]: `The file is larger than ${megabytes(maxBytes)}. Choose a smaller one.` },
        'File too large.',
      );
    }
    throw err;
  }
  const problem =
    stored.byteSize === 0
      ? 'The file is empty. Choose a file with something in it.'
      : !kind.looksRight(stored.head)
        ? `The file's content does not look like a ${kind.extensions[0]} file.`
        : undefined;
  if (problem) {
    await files.delete(key);
    throw validationError({ [field]: problem });
  }
  return stored;
}
