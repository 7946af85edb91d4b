import { randomInt, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { notFound, validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { asMissing, loadManagedAchievement } from './achievements.service.js';
import {
  type AchievementRow,
  type AwardListed,
  awardClashes,
  awardsOfAchievement,
  awardsOfMember,
  findAchievement,
  findAward,
  holdersOf,
  insertAwards,
  issuerOf,
  lockIssuer,
  membersNamed,
  revokeAward,
  takenStatusIndexes,
} from './badges.repository.js';
import type { AwardView, awardBody } from './badges.schema.js';
import { buildCredential, type Credential, credentialUrl } from './credential.js';
import { statusListUrl } from './issuer-identity.js';
import { activeSigningKey, signingKeyDocument } from './issuer-keys.js';
import { addToLinkedInUrl, issuerNameOf } from './linkedin.js';
import { SIGNING_SLICE, signAway } from './signing-pool.js';
import type { SigningKey } from './signing-worker.js';
import { publishStatusList, STATUS_LIST_LENGTH } from './status-list.js';
import { verifyBadgeCredential } from './verify-credential.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a view of an award needs: a listed award, or one just made (whose issuer's name is known already). */
type AwardToView = {
  award: Pick<
    AwardListed['award'],
    | 'id'
    | 'achievementId'
    | 'recipientMemberId'
    | 'reason'
    | 'credential'
    | 'issuedAt'
    | 'expiresAt'
    | 'revokedAt'
    | 'revokedReason'
  >;
  achievementName: string;
  achievementImage: string;
  recipientName: string;
};

function awardViewOf(baseUrl: string, r: AwardToView, issuerName?: string): AwardView {
  const a = r.award;
  return {
    id: a.id,
    achievementId: a.achievementId,
    achievementName: r.achievementName,
    image: r.achievementImage,
    recipientMemberId: a.recipientMemberId,
    recipientName: r.recipientName,
    reason: a.reason,
    issuedAt: a.issuedAt.toISOString(),
    expiresAt: a.expiresAt?.toISOString() ?? null,
    revokedAt: a.revokedAt?.toISOString() ?? null,
    revokedReason: a.revokedReason,
    verificationUrl: credentialUrl(baseUrl, a.id),
    addToLinkedInUrl: addToLinkedInUrl({
      name: r.achievementName,
      organizationName: issuerName ?? issuerNameOf(JSON.parse(a.credential) as Credential),
      issuedAt: a.issuedAt,
      expiresAt: a.expiresAt,
      certUrl: credentialUrl(baseUrl, a.id),
      certId: a.id,
    }),
  };
}

/**
 * Where positions in the status list come from: at random, so a credential's position tells nothing of when it
 * came. A test makes two awards pick the same one through it (test files share loaded modules, so a module mock
 * of node:crypto would not reach this one).
 */
export const statusPositions = { random: (length: number) => randomInt(length) };

/** Free positions of the status list. */
function pickStatusIndexes(taken: Set<number>, count: number): number[] {
  if (taken.size + count > STATUS_LIST_LENGTH) {
    throw validationError({ memberIds: 'The organisation’s status list is full.' });
  }
  const picked: number[] = [];
  while (picked.length < count) {
    const i = statusPositions.random(STATUS_LIST_LENGTH);
    if (!taken.has(i)) {
      taken.add(i);
      picked.push(i);
    }
  }
  return picked;
}

type Named = { id: string; name: string };

/** Awards written by one statement, and on the route by one short transaction (see awardFromRequest). */
const ROWS_PER_INSERT = 3;

/**
 * Lets the requests waiting on the server's thread run before the next piece of a long piece of work. Two turns
 * of the event loop's check phase, so that its poll phase (arrived requests, answers from the database) comes
 * between them whichever phase this is called in: one `setImmediate` from the poll phase runs in the same turn,
 * and two pieces ran back to back (measured: two inserts in one 8–13 ms stall).
 */
const handBack = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

export type AwardInput = {
  achievementId: string;
  memberIds: string[];
  reason: string;
  /** For a 'system' award another gate allowed (a supervisor approving a request): who awarded it. */
  awardedByMemberId?: string;
};

/** What awarding needs before anything is signed: the checked input, the key, and what each credential says. */
interface AwardPlan {
  achievement: AchievementRow;
  awardedBy: string | null;
  reason: string;
  recipients: Named[];
  alreadyHeld: string[];
  issuerName: string;
  signingKey: SigningKey;
  issuedAt: Date;
  expiresAt: Date | null;
  /** Positions of the status list taken, by others or by this award: a position picked again must avoid them. */
  taken: Set<number>;
  credentialFor(member: Named, awardId: string, statusIndex: number): Credential;
}

/** One recipient's credential, signed, not yet stored. */
interface SignedAward {
  member: Named;
  id: string;
  statusIndex: number;
  credential: string;
}

/**
 * Checks who may award what to whom and reads everything the credentials need. `actor` is an L&D admin or owner,
 * or 'system' for an award the app makes itself (a programme completed), which no gate checks. Ids that are not
 * members of the organisation answer 400 before anything is signed or written.
 */
async function planAward(reader: AppContext, actor: Actor | 'system', input: AwardInput): Promise<AwardPlan> {
  let achievement = await findAchievement(reader.db, input.achievementId);
  let awardedBy: string | null = input.awardedByMemberId ?? null;
  if (actor !== 'system') {
    const managed = await loadManagedAchievement(reader, actor, input.achievementId);
    achievement = managed.achievement;
    awardedBy = managed.me.id;
  }
  if (!achievement) throw notFound('Achievement');
  const awarded = achievement;
  const orgId = achievement.organizationId;

  const wanted = [...new Set(input.memberIds)];
  const members = await membersNamed(reader.db, orgId, wanted);
  const unknown = wanted.filter((id) => !members.some((m) => m.id === id));
  if (unknown.length > 0) {
    throw validationError({ memberIds: `Not members of this organisation: ${unknown.join(', ')}.` });
  }
  const held = await holdersOf(reader.db, achievement.id);
  const issuer = await issuerOf(reader.db, orgId);
  const key = await activeSigningKey(reader, orgId);
  const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const expiresAt = achievement.expiryDays ? new Date(issuedAt.getTime() + achievement.expiryDays * DAY_MS) : null;
  const { baseUrl } = reader.config;
  return {
    achievement,
    awardedBy,
    reason: input.reason,
    recipients: members.filter((m) => !held.has(m.id)),
    alreadyHeld: members.filter((m) => held.has(m.id)).map((m) => m.id),
    issuerName: issuer.name,
    signingKey: signingKeyDocument(reader, key),
    issuedAt,
    expiresAt,
    taken: await takenStatusIndexes(reader.db, orgId),
    credentialFor: (member, awardId, statusIndex) =>
      buildCredential(baseUrl, {
        awardId,
        orgId,
        issuer,
        achievement: awarded,
        recipientName: member.name,
        issuedAt,
        expiresAt,
        statusIndex,
        statusListUrl: statusListUrl(baseUrl, orgId),
      }),
  };
}

/** Picks free positions for `members` (marking them taken) and sends their credentials to be signed, in slices. */
function signFor(plan: AwardPlan, members: Named[]): { slices: Promise<SignedAward[]>[] } {
  const indexes = pickStatusIndexes(plan.taken, members.length);
  for (const i of indexes) plan.taken.add(i);
  const unsigned = members.map((member, i) => ({ member, id: randomUUID(), statusIndex: indexes[i] as number }));
  const credentials = unsigned.map((u) => plan.credentialFor(u.member, u.id, u.statusIndex));
  const slices = signAway(plan.signingKey, credentials, plan.issuedAt).map(async (slice, s) => {
    const signed = await slice;
    return signed.map((credential, j) => ({
      ...(unsigned[s * SIGNING_SLICE + j] as (typeof unsigned)[number]),
      credential,
    }));
  });
  return { slices };
}

/**
 * Stores signed awards, under the issuer's lock so that two awards at once take turns: a member who came to hold
 * the achievement meanwhile (another award at the same moment) is left out and answered as already holding it,
 * and a credential whose position in the status list another award took meanwhile is signed again at a free one.
 */
async function storeSigned(
  tx: AppContext,
  plan: AwardPlan,
  signed: SignedAward[],
): Promise<{ stored: SignedAward[]; held: string[] }> {
  const orgId = plan.achievement.organizationId;
  await lockIssuer(tx.db, orgId);
  // On PGlite a transaction's statements would otherwise run as one stretch of the server's thread: handed back
  // between them, each stretch is one statement (other requests' statements still wait for the commit).
  await handBack();
  const { holding, taken } = await awardClashes(tx.db, {
    orgId,
    achievementId: plan.achievement.id,
    memberIds: signed.map((s) => s.member.id),
    statusIndexes: signed.map((s) => s.statusIndex),
  });
  let stored = signed.filter((s) => !holding.has(s.member.id));
  const clashing = stored.filter((s) => taken.has(s.statusIndex));
  if (clashing.length > 0) {
    for (const i of await takenStatusIndexes(tx.db, orgId)) plan.taken.add(i);
    const resigned = (
      await Promise.all(
        signFor(
          plan,
          clashing.map((s) => s.member),
        ).slices,
      )
    ).flat();
    stored = [...stored.filter((s) => !taken.has(s.statusIndex)), ...resigned];
  }
  await handBack();
  await insertAwards(
    tx.db,
    stored.map((s) => ({
      id: s.id,
      organizationId: orgId,
      achievementId: plan.achievement.id,
      recipientMemberId: s.member.id,
      awardedByMemberId: plan.awardedBy,
      reason: plan.reason,
      credential: s.credential,
      statusIndex: s.statusIndex,
      issuedAt: plan.issuedAt,
      expiresAt: plan.expiresAt,
    })),
  );
  return { stored, held: [...holding] };
}

/** The award just stored, as the answer shows it. */
function viewOfStored(baseUrl: string, plan: AwardPlan, s: SignedAward): AwardView {
  const award = {
    id: s.id,
    achievementId: plan.achievement.id,
    recipientMemberId: s.member.id,
    reason: plan.reason,
    credential: s.credential,
    issuedAt: plan.issuedAt,
    expiresAt: plan.expiresAt,
    revokedAt: null,
    revokedReason: null,
  };
  const listed = {
    award,
    achievementName: plan.achievement.name,
    achievementImage: plan.achievement.image,
    recipientName: s.member.name,
  };
  return awardViewOf(baseUrl, listed, plan.issuerName);
}

/**
 * Signs and stores the plan's awards: signing is CPU work (~6 ms each), done in other processes, a slice at a
 * time; each slice is stored as it comes back, `ROWS_PER_INSERT` rows a piece (`store`), with the server's
 * thread handed back between pieces, so a thousand is many short pieces of work that others' requests go
 * between, not a few long ones they wait behind.
 */
async function signAndStore(
  ctx: AppContext,
  plan: AwardPlan,
  store: (piece: SignedAward[]) => Promise<{ stored: SignedAward[]; held: string[] }>,
): Promise<{ awards: AwardView[]; alreadyHeld: string[] }> {
  const slices: Promise<SignedAward[]>[] = [];
  for (let from = 0; from < plan.recipients.length; from += SIGNING_SLICE) {
    slices.push(...signFor(plan, plan.recipients.slice(from, from + SIGNING_SLICE)).slices);
    await handBack();
  }
  const awards: AwardView[] = [];
  const alreadyHeld = [...plan.alreadyHeld];
  for (const slice of slices) {
    const signed = await slice;
    for (let from = 0; from < signed.length; from += ROWS_PER_INSERT) {
      const { stored, held } = await store(signed.slice(from, from + ROWS_PER_INSERT));
      for (const s of stored) awards.push(viewOfStored(ctx.config.baseUrl, plan, s));
      alreadyHeld.push(...held);
      await handBack();
    }
  }
  return { awards, alreadyHeld };
}

/**
 * Awards an achievement to members of its organisation inside the caller's transaction `tx` (a programme
 * completed, a request approved: all of it or none): one signed OpenBadgeCredential each. Members who hold the
 * achievement already (not revoked) are not awarded twice; ids that are not members of the organisation
 * answer 400.
 */
export async function awardAchievement(
  ctx: AppContext,
  actor: Actor | 'system',
  tx: AppContext,
  input: AwardInput,
): Promise<{ awards: AwardView[]; alreadyHeld: string[] }> {
  // Read through the transaction: on PGlite it holds the one connection.
  const plan = await planAward(tx, actor, input);
  return signAndStore(ctx, plan, (piece) => storeSigned(tx, plan, piece));
}

/**
 * The route's award, by an admin, to any number of members. Everything is checked and signed outside any
 * transaction, and each piece is stored in a short transaction of its own: on PGlite a transaction holds the
 * one connection, and a cohort's award in one transaction held every other request's statement for the whole
 * award (measured over HTTP: `/api/notifications` waited 7.3 s). Each stored badge is whole; should the award
 * stop part way (the database gone), those stored stay, and sending the same award again awards the rest
 * (members holding it already are answered in `alreadyHeld`). Answered as JSON text made a hundred awards at a
 * time with the thread handed back between (a cohort's thousand views in one piece held everyone up ~20 ms).
 */
export async function awardFromRequest(
  ctx: AppContext,
  actor: Actor,
  achievementId: string,
  input: z.infer<typeof awardBody>,
): Promise<string> {
  const plan = await planAward(ctx, actor, { achievementId, ...input });
  const result = await signAndStore(ctx, plan, (piece) =>
    ctx.db.transaction((db) => storeSigned({ ...ctx, db }, plan, piece)),
  );
  const parts: string[] = [];
  for (let i = 0; i < result.awards.length; i += 100) {
    parts.push(
      result.awards
        .slice(i, i + 100)
        .map((a) => JSON.stringify(a))
        .join(','),
    );
    await handBack();
  }
  return `{"awards":[${parts.join(',')}],"alreadyHeld":${JSON.stringify(result.alreadyHeld)}}`;
}

/** An achievement and everyone it was awarded to (L&D admins). */
export async function listAchievementAwards(ctx: AppContext, actor: Actor, achievementId: string) {
  await loadManagedAchievement(ctx, actor, achievementId);
  return (await awardsOfAchievement(ctx.db, achievementId)).map((r) => awardViewOf(ctx.config.baseUrl, r));
}

/**
 * Revokes an awarded badge with a reason: its bit in the organisation's status list is set, so anyone verifying
 * it from now on is told it was revoked. Revoking one already revoked changes nothing.
 */
export async function revokeBadge(ctx: AppContext, actor: Actor, awardId: string, reason: string): Promise<AwardView> {
  const found = await findAward(ctx.db, awardId);
  if (!found) throw notFound('Badge');
  const orgId = found.award.organizationId;
  const { me } = await asMissing(requireAccess(ctx, actor, 'badge:manage', { org: orgId }), 'Badge');
  // The revocation and the list that publishes it are written together: never one without the other.
  // Two revocations at once queue on the issuer's row, so the second list is made with the first's bit in it.
  await ctx.db.transaction(async (db) => {
    await lockIssuer(db, orgId);
    if (await revokeAward(db, awardId, me.id, reason)) {
      await publishStatusList({ ...ctx, db }, orgId);
      await recordAudit(db, auditActorOf(actor), {
        orgId,
        action: 'badges.award_revoked',
        target: { kind: 'badge', id: awardId, name: `${found.achievementName}, awarded to ${found.recipientName}` },
        details: { reason },
      });
    }
  });
  return awardViewOf(ctx.config.baseUrl, (await findAward(ctx.db, awardId)) as AwardListed);
}

/** The badges the actor holds in an organisation (their portfolio's "Badges"), newest first. */
export async function listMyBadges(ctx: AppContext, actor: Actor, orgId: string): Promise<AwardView[]> {
  const { memberId } = await requireAccess(ctx, actor, 'badge:read-own', { org: orgId });
  return (await awardsOfMember(ctx.db, memberId)).map((r) => awardViewOf(ctx.config.baseUrl, r));
}

/**
 * A credential and its verification, for its public page: anyone with the link (the learner shares it) sees it,
 * signed in or not. What is shown is what the credential itself holds, nothing from Waymark besides.
 */
export async function publicCredential(ctx: AppContext, awardId: string) {
  const found = await findAward(ctx.db, awardId);
  if (!found) throw notFound('Credential');
  const credential = JSON.parse(found.award.credential) as Credential;
  return { credential, verification: await verifyBadgeCredential(ctx, credential) };
}
