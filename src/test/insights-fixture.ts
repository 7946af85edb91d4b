import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { checkin, logEntry, membership } from '../db/schema/index.js';
import type { learningForms } from '../db/schema/plans.js';
import { addMember, createPlan, type OrgRow } from './factories.js';

type Form = (typeof learningForms)[number];

export interface LearnerSpec {
  consent?: boolean;
  department?: string | null;
  team?: string | null;
  /** One goal with these topics. */
  topics?: string[];
  status?: 'idea' | 'active' | 'achieved' | 'paused' | 'dropped';
  /** One log entry of each form, this month. */
  forms?: Form[];
  resources?: { name: string; url?: string }[];
  /** A mentor wanted for the goal (a network entry, relation mentor, linked to it). */
  wantsMentor?: boolean;
  /** A sharing commitment, with one share done this month. */
  shared?: boolean;
  checkedIn?: boolean;
  name?: string;
  offersMentoring?: string[];
}

const today = () => new Date().toISOString().slice(0, 10);

/** A member of `org` with a plan and log shaped by `spec`, for insights tests (and the e2e seed). */
export async function learnerWith(db: Database, org: OrgRow, spec: LearnerSpec = {}) {
  const member = await addMember(db, org, {
    name: spec.name,
    offersMentoring: spec.offersMentoring !== undefined,
    mentoringTopics: spec.offersMentoring ?? [],
  });
  await db
    .update(membership)
    .set({
      insightsConsent: spec.consent ?? true,
      department: spec.department ?? null,
      team: spec.team ?? null,
    })
    .where(eq(membership.id, member.id));
  const network = [
    ...(spec.resources ?? []).map((r, i) => ({
      id: `r${i}`,
      kind: 'resource' as const,
      name: r.name,
      url: r.url ?? null,
      goalIds: ['g'],
    })),
    ...(spec.wantsMentor
      ? [{ id: 'm', kind: 'person' as const, name: 'A mentor', relation: 'mentor' as const, goalIds: ['g'] }]
      : []),
  ];
  const plan = await createPlan(db, member, {
    content: {
      goals: spec.topics
        ? [
            {
              id: 'g',
              what: `Learn ${spec.topics.join(' and ')}`,
              status: spec.status ?? 'active',
              topics: spec.topics,
            },
          ]
        : [],
      network,
      shares: spec.shared
        ? [
            {
              id: 's',
              goalId: spec.topics ? 'g' : null,
              how: 'post',
              cadence: 'monthly',
              records: [{ id: randomUUID(), doneOn: today(), link: null, note: '' }],
            },
          ]
        : [],
    } as never,
  });
  for (const form of spec.forms ?? []) {
    await db.insert(logEntry).values({
      id: randomUUID(),
      organizationId: org.id,
      memberId: member.id,
      userId: member.userId,
      learnedOn: today(),
      what: `Learned by ${form}`,
      form,
    });
  }
  if (spec.checkedIn) {
    await db
      .insert(checkin)
      .values({ id: randomUUID(), planId: plan.id, userId: member.userId, checkedOn: today(), answers: [] });
  }
  return { member, plan };
}
