import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { Database } from '../db/client.js';
import { account, membership, organization, user } from '../db/schema/index.js';
import { insertContent, type PlanContent } from '../features/plans/plan-content.js';
import { planHistory } from '../features/plans/plan-history.js';
import { insertPlan, type PlanRow } from '../features/plans/plans.repository.js';

/*
 * Factories: each makes a valid row and fills in whatever the caller leaves out. Tests and the demo
 * seed both build their data with these, so every test can make its own organisation (isolation by data).
 */

export const DEFAULT_PASSWORD = 'learning-out-loud';

// Hashing with scrypt costs tens of milliseconds; one hash per distinct password is plenty.
const hashes = new Map<string, Promise<string>>();
const hashOf = (password: string) => {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
};

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(++sequence).toString(36)}${randomUUID().slice(0, 4)}`;

export type UserRow = typeof user.$inferSelect;
export type OrgRow = typeof organization.$inferSelect;
export type MemberRow = typeof membership.$inferSelect;

/**
 * A person with an e-mail/password account (password: DEFAULT_PASSWORD unless given), whose address is
 * confirmed unless `emailVerified: false` says it is a fresh sign-up that never opened its link.
 */
export async function createUser(
  db: Database,
  overrides: { name?: string; email?: string; password?: string; emailVerified?: boolean } = {},
): Promise<UserRow & { password: string }> {
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const id = randomUUID();
  const [row] = await db
    .insert(user)
    .values({
      id,
      name: overrides.name ?? `Learner ${unique()}`,
      email: (overrides.email ?? `learner-${unique()}@example.test`).toLowerCase(),
      emailVerified: overrides.emailVerified ?? true,
    })
    .returning();
  await db.insert(account).values({
    id: randomUUID(),
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: await hashOf(password),
  });
  return { ...(row as UserRow), password };
}

/** An organisation with an owner (made for it unless given). */
/** Several people at once (a user row and a password each, in two statements), named and addressed uniquely. */
export async function createUsers(db: Database, count: number): Promise<(UserRow & { password: string })[]> {
  const rows = Array.from({ length: count }, () => {
    const name = `Learner ${unique()}`;
    return { id: randomUUID(), name, email: `learner-${unique()}@example.test`, emailVerified: true };
  });
  const made = await db.insert(user).values(rows).returning();
  const password = await hashOf(DEFAULT_PASSWORD);
  await db
    .insert(account)
    .values(made.map((u) => ({ id: randomUUID(), accountId: u.id, providerId: 'credential', userId: u.id, password })));
  return made.map((u) => ({ ...u, password: DEFAULT_PASSWORD }));
}

/** Memberships at once, in one statement; answered in the order given. */
export async function addMembers(
  db: Database,
  entries: { id?: string; org: OrgRow; user: UserRow; role?: MemberRow['role']; supervisorId?: string | null }[],
): Promise<(MemberRow & { user: UserRow })[]> {
  const values = entries.map((e) => ({
    id: e.id ?? randomUUID(),
    organizationId: e.org.id,
    userId: e.user.id,
    role: e.role ?? ('member' as const),
    supervisorId: e.supervisorId ?? null,
  }));
  const made = await db.insert(membership).values(values).returning();
  const byId = new Map(made.map((m) => [m.id, m]));
  return entries.map((e, i) => ({ ...(byId.get(values[i]?.id as string) as MemberRow), user: e.user }));
}

export async function createOrg(
  db: Database,
  overrides: { name?: string; owner?: UserRow } = {},
): Promise<{ org: OrgRow; owner: UserRow; ownerMember: MemberRow }> {
  const [org] = await db
    .insert(organization)
    .values({ id: randomUUID(), name: overrides.name ?? `Organisation ${unique()}` })
    .returning();
  const owner = overrides.owner ?? (await createUser(db));
  const ownerMember = await addMember(db, org as OrgRow, { user: owner, role: 'owner' });
  return { org: org as OrgRow, owner, ownerMember };
}

/** Adds a person (made for it unless given) to an organisation. */
export async function addMember(
  db: Database,
  org: OrgRow,
  overrides: {
    user?: UserRow;
    name?: string;
    email?: string;
    role?: MemberRow['role'];
    supervisorId?: string | null;
    title?: string | null;
    offersMentoring?: boolean;
    mentoringTopics?: string[];
  } = {},
): Promise<MemberRow & { user: UserRow }> {
  const person = overrides.user ?? (await createUser(db, { name: overrides.name, email: overrides.email }));
  const [row] = await db
    .insert(membership)
    .values({
      id: randomUUID(),
      organizationId: org.id,
      userId: person.id,
      role: overrides.role ?? 'member',
      supervisorId: overrides.supervisorId ?? null,
      title: overrides.title ?? null,
      offersMentoring: overrides.offersMentoring ?? false,
      mentoringTopics: overrides.mentoringTopics ?? [],
    })
    .returning();
  return { ...(row as MemberRow), user: person };
}

/**
 * A plan for a member, with content (reflections, goals, network, shares whose ids link them to each other)
 * inserted and recorded in its history the way the app does.
 */
export async function createPlan(
  db: Database,
  member: MemberRow,
  overrides: { cycle?: string; title?: string; content?: Partial<PlanContent> } = {},
): Promise<PlanRow> {
  const row = await insertPlan(db, {
    id: randomUUID(),
    organizationId: member.organizationId,
    memberId: member.id,
    userId: member.userId,
    cycle: overrides.cycle ?? String(new Date().getFullYear() + 1),
    title: overrides.title ?? '',
  });
  const history = planHistory(db, row, member.userId);
  await history.record('plan', row.id, 'create', null, { cycle: row.cycle, title: row.title });
  const content = { reflections: [], goals: [], network: [], shares: [], ...overrides.content };
  await insertContent(db, row, content, history, 'create');
  await history.finish();
  return row;
}
