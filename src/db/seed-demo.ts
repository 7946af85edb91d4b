import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { addMember, createOrg, createPlan, createUser } from '../test/factories.js';
import type { Database } from './client.js';
import { addInsightsDemo } from './demo-insights.js';
import { foundersEarlierPlan, foundersPlan, foundersTraces, newStaffTemplate } from './demo-plans.js';
import { addLearningOutLoud } from './demo-posts.js';
import { addDemoProgramme } from './demo-programme.js';
import { checkin, evidence, goal, logEntry, organization, plan, planTemplate, user } from './schema/index.js';

/*
 * The demo organisation: 20 people of a library service, built with the factories the tests use, so a
 * newcomer signs in to a living product (and its L&D admin to insights with real figures).
 */
export const DEMO_PASSWORD = 'waymark-demo';
export const DEMO_ORG_NAME = 'Riverside Library Service';

type Person = { name: string; title: string; role?: 'owner' | 'admin'; reportsTo?: string; mentors?: string[] };

const people: Person[] = [
  { name: 'Maya Okafor', title: 'Head of Library Services', role: 'owner', mentors: ['leadership', 'strategy'] },
  {
    name: 'Tom Lindqvist',
    title: 'Learning & Development Lead',
    role: 'admin',
    reportsTo: 'Maya Okafor',
    mentors: ['coaching'],
  },
  {
    name: 'Priya Raman',
    title: 'Digital Services Manager',
    reportsTo: 'Maya Okafor',
    mentors: ['data literacy', 'python'],
  },
  {
    name: 'Jonas Becker',
    title: 'Collections Manager',
    reportsTo: 'Maya Okafor',
    mentors: ['cataloguing', 'metadata'],
  },
  { name: 'Aisha Khan', title: 'Community Engagement Manager', reportsTo: 'Maya Okafor', mentors: ['facilitation'] },
  { name: 'Liam O’Connor', title: 'Systems Librarian', reportsTo: 'Priya Raman', mentors: ['sql', 'linked data'] },
  { name: 'Sofia Marques', title: 'Web Developer', reportsTo: 'Priya Raman' },
  { name: 'Chen Wei', title: 'Data Analyst', reportsTo: 'Priya Raman', mentors: ['data visualisation'] },
  { name: 'Hannah Schmidt', title: 'Metadata Librarian', reportsTo: 'Jonas Becker' },
  { name: 'Kwame Mensah', title: 'Cataloguer', reportsTo: 'Jonas Becker' },
  { name: 'Elena Petrova', title: 'Archivist', reportsTo: 'Jonas Becker', mentors: ['digital preservation'] },
  { name: 'Noah Williams', title: 'Acquisitions Assistant', reportsTo: 'Jonas Becker' },
  { name: 'Fatima Al-Sayed', title: 'Outreach Librarian', reportsTo: 'Aisha Khan' },
  { name: 'Lucas Moreau', title: 'Children’s Librarian', reportsTo: 'Aisha Khan', mentors: ['storytelling'] },
  { name: 'Grace Kim', title: 'Events Coordinator', reportsTo: 'Aisha Khan' },
  { name: 'Oliver Brown', title: 'Library Assistant', reportsTo: 'Aisha Khan' },
  { name: 'Zara Ahmed', title: 'Reference Librarian', reportsTo: 'Tom Lindqvist' },
  { name: 'Mateo García', title: 'Trainee Librarian', reportsTo: 'Tom Lindqvist' },
  {
    name: 'Ingrid Nilsen',
    title: 'Research Support Librarian',
    reportsTo: 'Tom Lindqvist',
    mentors: ['research methods'],
  },
  { name: 'Samuel Osei', title: 'IT Support Technician', reportsTo: 'Priya Raman' },
];

const emailOf = (name: string) =>
  `${name
    .normalize('NFD')
    .replace(/[^\p{Letter} ]/gu, '')
    .toLowerCase()
    .split(' ')
    .join('.')}@riverside.example`;

export const demoOwnerEmail = emailOf(people[0]?.name as string);
export const demoAdminEmail = emailOf('Tom Lindqvist');

/** Creates the demo organisation unless it exists; answers whether it made it. Running it again changes nothing. */
export async function seedDemo(db: Database): Promise<{ created: boolean; people: number }> {
  const [existing] = await db.select().from(organization).where(eq(organization.name, DEMO_ORG_NAME)).limit(1);
  if (existing) return { created: false, people: people.length };
  const [taken] = await db.select({ id: user.id }).from(user).where(eq(user.email, demoOwnerEmail)).limit(1);
  if (taken) throw new Error(`${demoOwnerEmail} already has an account; the demo cannot be seeded into this database.`);
  await db.transaction(async (tx) => {
    const [founder, ...rest] = people as [Person, ...Person[]];
    const owner = await createUser(tx, { name: founder.name, email: emailOf(founder.name), password: DEMO_PASSWORD });
    const { org, ownerMember } = await createOrg(tx, { name: DEMO_ORG_NAME, owner });
    const idByName = new Map([[founder.name, ownerMember.id]]);
    for (const p of rest) {
      const person = await createUser(tx, { name: p.name, email: emailOf(p.name), password: DEMO_PASSWORD });
      const member = await addMember(tx, org, {
        user: person,
        role: p.role ?? 'member',
        title: p.title,
        supervisorId: p.reportsTo ? idByName.get(p.reportsTo) : null,
        offersMentoring: Boolean(p.mentors),
        mentoringTopics: p.mentors ?? [],
      });
      idByName.set(p.name, member.id);
    }
    const earlier = await createPlan(tx, ownerMember, {
      cycle: '2026',
      title: 'Finding my feet as branch lead',
      content: foundersEarlierPlan,
    });
    // Last year's plan was written last year: "current" (the newest) is the 2027 one, on every run.
    await tx
      .update(plan)
      .set({ createdAt: new Date(Date.now() - 365 * 86_400_000) })
      .where(eq(plan.id, earlier.id));
    const current = await createPlan(tx, ownerMember, {
      cycle: '2027',
      title: 'Sharing what I know',
      content: foundersPlan,
    });
    await addTraces(tx, { ownerMemberId: ownerMember.id, userId: owner.id, orgId: org.id }, earlier.id, current.id);
    await addLearningOutLoud(tx, org.id, idByName);
    await addInsightsDemo(tx, org.id, idByName);
    await addDemoProgramme(tx, org.id, idByName.get('Tom Lindqvist') as string, idByName);
    await tx.insert(planTemplate).values({
      id: randomUUID(),
      organizationId: org.id,
      name: 'New library staff',
      description: 'A first plan for your first months: the desk, the catalogue, and the people to ask.',
      published: true,
      content: newStaffTemplate,
    });
  });
  return { created: true, people: people.length };
}

/** What a year of using Waymark leaves: evidence of an achieved goal, log entries and a check-in. */
async function addTraces(
  tx: Database,
  founder: { ownerMemberId: string; userId: string; orgId: string },
  earlierPlanId: string,
  currentPlanId: string,
) {
  const firstGoal = async (planId: string) => {
    const [row] = await tx.select().from(goal).where(eq(goal.planId, planId)).orderBy(goal.position).limit(1);
    return row as typeof goal.$inferSelect;
  };
  const achieved = await firstGoal(earlierPlanId);
  const workshop = await firstGoal(currentPlanId);
  await tx.insert(evidence).values(
    foundersTraces.evidence.map((e) => ({
      id: randomUUID(),
      planId: earlierPlanId,
      goalId: achieved.id,
      userId: founder.userId,
      ...e,
    })),
  );
  await tx.insert(logEntry).values(
    foundersTraces.log.map((l) => ({
      id: randomUUID(),
      organizationId: founder.orgId,
      memberId: founder.ownerMemberId,
      userId: founder.userId,
      goalId: workshop.id,
      form: 'mentoring' as const,
      ...l,
    })),
  );
  const { progress, ...rest } = foundersTraces.checkin;
  await tx.insert(checkin).values({
    id: randomUUID(),
    planId: currentPlanId,
    userId: founder.userId,
    ...rest,
    progress: [{ goalId: workshop.id, ...progress }],
  });
}
