import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { goal as goalTable, membership, organization, plan, user } from '../../db/schema/index.js';
import { createTestApp } from '../../test/app.js';
import { type FixtureGoal, matchingFixture } from '../../test/matching-fixture.js';
import { suggestForGoal } from './mentoring.service.js';

const t = await createTestApp();

/** Inserts the fixture organisation in bulk (no sign-in needed: matching is called directly). */
async function insertFixture() {
  const fixture = matchingFixture();
  const orgId = randomUUID();
  await t.db.insert(organization).values({ id: orgId, name: 'Matching fixture library' });
  const ids = new Map<string, string>();
  const people = [
    ...fixture.mentors.map((m) => ({ key: m.key, name: m.name })),
    ...fixture.learners.map((l) => ({ key: l.key, name: l.name })),
  ];
  const users = people.map((p) => ({
    id: randomUUID(),
    name: p.name,
    email: `${p.key}-${randomUUID().slice(0, 8)}@fixture.test`,
    emailVerified: false,
  }));
  await t.db.insert(user).values(users);
  const mentorByKey = new Map(fixture.mentors.map((m) => [m.key, m]));
  await t.db.insert(membership).values(
    people.map((p, i) => {
      const id = randomUUID();
      ids.set(p.key, id);
      const mentor = mentorByKey.get(p.key);
      return {
        id,
        organizationId: orgId,
        userId: users[i]?.id as string,
        offersMentoring: Boolean(mentor),
        mentoringTopics: mentor?.topics ?? [],
        mentoringAbout: mentor?.about ?? '',
        mentoringCapacity: mentor?.capacity ?? 0,
      };
    }),
  );
  const plans = fixture.learners.map((l, i) => ({
    id: randomUUID(),
    organizationId: orgId,
    memberId: ids.get(l.key) as string,
    userId: users[fixture.mentors.length + i]?.id as string,
    cycle: '2027',
  }));
  await t.db.insert(plan).values(plans);
  const planOf = new Map(fixture.learners.map((l, i) => [l.key, plans[i]?.id as string]));
  await t.db.insert(goalTable).values(
    fixture.goals.map((g) => ({
      id: randomUUID(),
      planId: planOf.get(g.learnerKey) as string,
      what: g.what,
      why: g.why,
      how: g.how,
      topics: g.topics,
      status: 'active' as const,
    })),
  );
  return { fixture, orgId, ids, members: people.length };
}

describe('matching quality', () => {
  it('puts the right mentor in the top 3 for at least 90% of the fixture goals, whatever the wording', async () => {
    const { fixture, orgId, ids, members } = await insertFixture();
    expect(members).toBeGreaterThanOrEqual(200);

    const misses: string[] = [];
    const byWording = new Map<FixtureGoal['wording'], { hits: number; total: number }>();
    for (const g of fixture.goals) {
      const result = await suggestForGoal(t.db, {
        orgId,
        learnerMemberId: ids.get(g.learnerKey) as string,
        goal: g,
        limit: 3,
      });
      const hit = result.mentors.some((m) => m.memberId === ids.get(g.rightMentorKey));
      const tally = byWording.get(g.wording) ?? { hits: 0, total: 0 };
      byWording.set(g.wording, { hits: tally.hits + Number(hit), total: tally.total + 1 });
      if (!hit) misses.push(`"${g.what}" → ${result.mentors.map((m) => m.name).join(', ') || 'nobody'}`);
    }

    const hits = fixture.goals.length - misses.length;
    const rate = hits / fixture.goals.length;
    const lines = [...byWording].map(([w, s]) => `  ${w}: ${s.hits}/${s.total}`);
    console.log(
      [
        `Matching quality: right mentor in the top 3 for ${hits}/${fixture.goals.length} goals (${(rate * 100).toFixed(1)}%) in an organisation of ${members} members`,
        ...lines,
        ...(misses.length > 0 ? ['Missed:', ...misses.map((m) => `  ${m}`)] : []),
      ].join('\n'),
    );
    // Every kind of wording is in the fixture, so the rate covers synonyms and typos too.
    expect([...byWording.keys()].sort()).toEqual(['other words', 'topic', 'typo', 'typo in other words']);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
