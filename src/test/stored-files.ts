import fs from 'node:fs';
import path from 'node:path';
import { like } from 'drizzle-orm';
import { storedFile } from '../db/schema/index.js';
import type { AppContext } from '../server/context.js';

/**
 * What the app's file store holds under `prefix`, unfinished uploads included, to prove that a failed upload
 * leaves nothing behind. On disk that is the files under the prefix and every partial file (each test app has
 * its own folder); in the database, finished and unfinished rows whose key starts with the prefix.
 */
export async function storedKeys(ctx: AppContext, prefix: string): Promise<string[]> {
  if (ctx.config.fileStore === 'database') {
    const rows = await ctx.db
      .select({ key: storedFile.key })
      .from(storedFile)
      .where(like(storedFile.key, `${prefix}%`));
    return rows.map((r) => r.key).sort();
  }
  const root = path.join(ctx.config.dataDir, 'files');
  const under = (folder: string) =>
    fs.existsSync(path.join(root, folder))
      ? (fs.readdirSync(path.join(root, folder), { recursive: true }) as string[])
          .map((f) => path.join(folder, f))
          .filter((f) => fs.statSync(path.join(root, f)).isFile())
      : [];
  return [...under(prefix), ...under('.partial')].sort();
}
