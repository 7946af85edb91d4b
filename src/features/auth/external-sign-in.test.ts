import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { account, user } from '../../db/schema/index.js';
import { createTestApp } from '../../test/app.js';
import { findOrCreateExternalUser } from './external-sign-in.js';

const t = await createTestApp();

describe('the person behind an external identity', () => {
  it('is one account, linked once, however many first sign-ins race to make it', async () => {
    const identity = {
      providerId: `sso:${randomUUID()}`,
      accountId: randomUUID(),
      email: `racer-${randomUUID()}@example.test`,
      name: 'Rae Racer',
      method: 'sso-oidc' as const,
      profile: {},
    };
    const people = await Promise.all(Array.from({ length: 6 }, () => findOrCreateExternalUser(t.ctx, identity)));
    const ids = new Set(people.map((p) => p.userId));
    expect(ids.size).toBe(1);
    expect(people.filter((p) => p.created)).toHaveLength(1);
    const [id] = [...ids];
    expect(await t.db.select().from(user).where(eq(user.email, identity.email))).toHaveLength(1);
    const linked = await t.db
      .select()
      .from(account)
      .where(eq(account.userId, id as string));
    expect(linked.map((a) => a.accountId)).toEqual([identity.accountId]);
  });
});
