import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { badgeAward } from '../../db/schema/index.js';
import { createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { addMember } from '../../test/factories.js';
import { statusPositions } from './awards.service.js';
import { warmSigners } from './signing-pool.js';

const t = await createTestApp();
await warmSigners();

async function setUp() {
  const c = await createCast(t);
  const admin = c.as('admin') as Record<string, string>;
  const achievement = await t.callOk('POST', `/api/orgs/${c.org.id}/achievements`, admin, {
    name: 'Cohort complete',
    description: 'Completed the programme.',
    criteria: 'Every week tried and reflected on.',
  });
  const award = (memberIds: string[]) =>
    t.call('POST', `/api/achievements/${achievement.id}/awards`, admin, { memberIds, reason: 'Cohort completed' });
  const heldBy = async () =>
    (await t.db.select().from(badgeAward).where(eq(badgeAward.achievementId, achievement.id))).map((a) => ({
      member: a.recipientMemberId,
      statusIndex: a.statusIndex,
    }));
  return { c, admin, award, heldBy };
}

describe('awards made at the same time', () => {
  it('give a member one badge however many awards name them at once', async () => {
    const s = await setUp();
    const members = [s.c.members.self.id, s.c.members.otherMember.id];
    const third = await addMember(t.db, s.c.org, { name: 'Third Learner' });
    const answers = await Promise.all([s.award(members), s.award([...members, third.id])]);
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    const held = await s.heldBy();
    expect(held.map((h) => h.member).sort()).toEqual([...members, third.id].sort());
    // Each named member is answered once: awarded by one, already holding it in the other.
    for (const member of members) {
      const answered = answers.flatMap((r) => [
        ...r.body.awards.map((x: Json) => x.recipientMemberId),
        ...r.body.alreadyHeld,
      ]);
      expect(answered.filter((m) => m === member)).toHaveLength(2);
    }
  });

  it('sign again, at a free position, a credential whose position another award took meanwhile', async () => {
    const s = await setUp();
    // Both awards pick position 4,242 before either is stored.
    const random = statusPositions.random;
    let clashes = 0;
    statusPositions.random = (length) => (clashes++ < 2 ? 4242 : random(length));
    const answers = await Promise.all([s.award([s.c.members.self.id]), s.award([s.c.members.otherMember.id])]).finally(
      () => {
        statusPositions.random = random;
      },
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    const held = await s.heldBy();
    expect(held).toHaveLength(2);
    expect(held.map((h) => h.statusIndex)).toContain(4242);
    expect(new Set(held.map((h) => h.statusIndex)).size).toBe(2);
    for (const answer of answers) {
      const award = answer.body.awards[0] as Json;
      const credential = await t.callOk('GET', `/api/credentials/${award.id}/download`, {});
      const position = held.find((h) => h.member === award.recipientMemberId)?.statusIndex;
      expect(credential.credentialStatus.statusListIndex).toBe(String(position));
      const verified = await t.callOk('POST', '/api/credentials/verify', {}, { credential });
      expect(verified.status).toBe('valid');
    }
    expect(clashes).toBeGreaterThanOrEqual(3); // the two picks, and at least one again
  });

  it('let other requests reach the database while a large award is signed and stored', async () => {
    const s = await setUp();
    const cohort = await Promise.all(
      Array.from({ length: 100 }, (_, i) => addMember(t.db, s.c.org, { name: `Participant ${i}` })),
    );
    const began = performance.now();
    const award = s.award(cohort.map((m) => m.id)).then((answer) => ({ answer, ms: performance.now() - began }));
    // Give the award time to start signing, then ask for something only the database knows.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const asked = performance.now();
    const notifications = await t.call('GET', '/api/notifications', s.c.as('self') as Record<string, string>);
    const waited = performance.now() - asked;
    expect(notifications.status).toBe(200);
    const { answer, ms } = await award;
    expect(answer.body.awards).toHaveLength(100);
    // Stored in short transactions of their own, the read goes between them. In one transaction for the whole
    // award it waited until the award's end (measured: 628 ms of a 682 ms award of 60).
    expect(waited).toBeLessThan(ms / 3);
  });
});
