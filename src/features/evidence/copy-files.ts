import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { storedFile } from '../../db/schema/index.js';
import { createDatabaseFileStore } from './database-file-store.js';
import { checkFileKey } from './file-store.js';

/** Keys of the files a disk store keeps under `root` (unfinished `.partial` ones left out). */
function diskKeys(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .map((relative) => relative.split(path.sep).join('/'))
    .filter((key) => !key.startsWith('.partial') && fs.statSync(path.join(root, key)).isFile())
    .filter((key) => {
      try {
        return checkFileKey(key) === key;
      } catch {
        return false;
      }
    })
    .sort();
}

/**
 * Copies the files of a disk store (`root`, the data directory's `files/`) into the database store, for a
 * deployment moving to FILE_STORE=database. A file already in the database is left as it is, so the copy can be
 * run again after a failure; the files on disk are left for the operator to remove once satisfied.
 */
export async function copyDiskFilesToDatabase(
  root: string,
  db: Database,
): Promise<{ copied: number; present: number }> {
  const store = createDatabaseFileStore(db);
  let copied = 0;
  let present = 0;
  for (const key of diskKeys(root)) {
    const [existing] = await db
      .select({ id: storedFile.id })
      .from(storedFile)
      .where(and(eq(storedFile.key, key), isNotNull(storedFile.completedAt)));
    if (existing) {
      present += 1;
      continue;
    }
    await store.put(key, fs.createReadStream(path.join(root, key)), Number.MAX_SAFE_INTEGER);
    copied += 1;
  }
  return { copied, present };
}
