import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { learnerSettings } from '../../db/schema/index.js';
import type { ReminderKind } from '../settings/index.js';

/**
 * Adds `kind` to a person's e-mail opt-outs in one statement (creating their settings row if needed), so
 * two links followed at once both count. Unchanged (no new version) when it was off already.
 */
export async function optOutOfEmail(db: Database, userId: string, kind: ReminderKind) {
  await db
    .insert(learnerSettings)
    .values({ userId, emailOptOut: [kind] })
    .onConflictDoUpdate({
      target: learnerSettings.userId,
      set: {
        emailOptOut: sql`array_append(${learnerSettings.emailOptOut}, ${kind}::text)`,
        version: sql`${learnerSettings.version} + 1`,
        updatedAt: new Date(),
      },
      setWhere: sql`not (${kind}::text = any(${learnerSettings.emailOptOut}))`,
    });
}
