import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStore } from '../../server/ports.js';

export type { FileStore, StoredFile } from '../../server/ports.js';

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`File is larger than ${maxBytes} bytes`);
  }
}

const HEAD_BYTES = 512;

/** Keeps the first bytes of a file as they stream past, for StoredFile.head. */
export function keepHead(head: Buffer, chunk: Buffer): Buffer {
  return head.length < HEAD_BYTES ? Buffer.concat([head, chunk]).subarray(0, HEAD_BYTES) : head;
}

/** Keys are paths of word characters (`evidence/<plan>/<id>`): never `..`, never absolute, in any store. */
export function checkFileKey(key: string): string {
  if (!/^[\w-]+(\/[\w-]+)*$/.test(key)) throw new Error(`Invalid file key: ${key}`);
  return key;
}

/** Files on local disk: written to a partial file first and renamed into place once complete. */
export function createDiskFileStore(root: string): FileStore {
  const partialDir = path.join(root, '.partial');
  const fullPath = (key: string) => path.join(root, checkFileKey(key));

  return {
    async put(key, data, maxBytes) {
      const target = fullPath(key);
      await fs.promises.mkdir(partialDir, { recursive: true });
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const partial = path.join(partialDir, randomUUID());
      const hash = createHash('sha256');
      let byteSize = 0;
      let head: Buffer = Buffer.alloc(0);
      try {
        await pipeline(
          data,
          async function* count(chunks: AsyncIterable<Buffer>) {
            for await (const chunk of chunks) {
              byteSize += chunk.length;
              if (byteSize > maxBytes) throw new FileTooLargeError(maxBytes);
              head = keepHead(head, chunk);
              hash.update(chunk);
              yield chunk;
            }
          },
          fs.createWriteStream(partial, { flags: 'wx' }),
        );
        // A multipart stream that was cut short ends without an error but says so.
        if ((data as Readable & { truncated?: boolean }).truncated) throw new FileTooLargeError(maxBytes);
        await fs.promises.rename(partial, target);
      } catch (err) {
        await fs.promises.rm(partial, { force: true });
        throw err;
      }
      return { byteSize, sha256: hash.digest('hex'), head };
    },
    async open(key) {
      const file = fullPath(key);
      try {
        const handle = await fs.promises.open(file, 'r');
        return handle.createReadStream();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async delete(key) {
      await fs.promises.rm(fullPath(key), { force: true });
    },
  };
}
