import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { user } from '../../db/schema/index.js';

export async function renameUser(db: Database, userId: string, name: string) {
  await db.update(user).set({ name, updatedAt: new Date() }).where(eq(user.id, userId));
}
