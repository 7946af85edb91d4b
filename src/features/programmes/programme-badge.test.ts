import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { badgeAward, programme } from '../../db/schema/index.js';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg } from '../../test/factories.js';
import { actorOf, createProgramme } from '../../test/programme-fixture.js';
import { createAchievement } from '../badges/achievements.service.js';
import { warmSigners } from '../badges/signing-pool.js';
import { enrol } from './enrolments.service.js';
import { updateProgramme } from './programmes.service.js';
import { reflectOnThing } from './reflections.js';

/* Completing a programme awards its badge (issue 19's completion, issue 20's automatic award), once. */

const t = await createTestApp();
await warmSigners(); // a signing thread ready before the first award (signing-pool.ts)

async function badgeOf(orgAdmin: Parameters<typeof actorOf>[0], orgId: string, name: string) {
  return createAchievement(t.ctx, actorOf(orgAdmin), orgId, {
    name,
    description: 'Tried and reflected on every thing of the programme.',
    criteria: 'Complete the programme.',
    image: null,
    tags: [],
    expiryDays: null,
    openToRequests: false,
  });
}

describe('a programme’s badge', () => {
  it('is one of the organisation’s own, and completing the programme awards it once', async () => {
    const { org } = await createOrg(t.db);
    const [ana, admin] = await Promise.all([
      addMember(t.db, org, { name: 'Ana' }),
      addMember(t.db, org, { role: 'admin' }),
    ]);
    const { org: other } = await createOrg(t.db);
    const outsider = await addMember(t.db, other, { role: 'admin' });
    const s = await createProgramme(t.db, org, { weeks: [{ things: 2 }] });
    const badge = await badgeOf(admin, org.id, 'Learned out loud');
    const foreign = await badgeOf(outsider, other.id, 'Someone else’s');

    // Another organisation's badge is refused, naming the field; nothing changes.
    await expect(
      updateProgramme(t.ctx, actorOf(admin), s.programme.id, { achievementId: foreign.id, version: 1 }),
    ).rejects.toMatchObject({ code: 'validation', fields: { achievementId: expect.any(String) } });
    const set = await updateProgramme(t.ctx, actorOf(admin), s.programme.id, { achievementId: badge.id, version: 1 });
    expect(set.achievementId).toBe(badge.id);

    const now = new Date('2027-03-10T09:00:00Z');
    const e = await enrol(t.ctx, actorOf(ana), s.programme.id, { addGoal: false }, now);
    const link = (n: number) => ({ kind: 'link' as const, url: `https://blog.example/${n}` });
    await reflectOnThing(t.ctx, actorOf(ana), e.id, s.things[0]?.id as string, link(1), now);
    expect(await t.db.select().from(badgeAward).where(eq(badgeAward.achievementId, badge.id))).toHaveLength(0);
    const done = await reflectOnThing(t.ctx, actorOf(ana), e.id, s.things[1]?.id as string, link(2), now);
    expect(done.completed).toBe(true);
    // Reflecting again after completing awards nothing more.
    await reflectOnThing(t.ctx, actorOf(ana), e.id, s.things[1]?.id as string, link(3), now);

    const awards = await t.db.select().from(badgeAward).where(eq(badgeAward.achievementId, badge.id));
    expect(awards.map((a) => a.recipientMemberId)).toEqual([ana.id]);

    // A programme without a badge completes without one (and "none" is a choice).
    const cleared = await updateProgramme(t.ctx, actorOf(admin), s.programme.id, { achievementId: null, version: 2 });
    expect(cleared.achievementId).toBeNull();
    const [row] = await t.db.select().from(programme).where(eq(programme.id, s.programme.id));
    expect(row?.achievementId).toBeNull();
  });
});
