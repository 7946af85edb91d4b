import { randomInt, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { notFound, validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { asMissing, loadManagedAchievement } from './achievements.service.js';
import {
  type AwardListed,
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

/** Free positions of the status list, at random (so a credential's position tells nothing of when it came). */
function pickStatusIndexes(taken: Set<number>, count: number): number[] {
  if (taken.size + count > STATUS_LIST_LENGTH) {
    throw validationError({ memberIds: 'The organisation’s status list is full.' });
  }
  const picked: number[] = [];
  while (picked.length < count) {
    const i = randomInt(STATUS_LIST_LENGTH);
    if (!taken.has(i)) {
      taken.add(i);
      picked.push(i);
    }
  }
  return picked;
}

type Named = { id: string; name: string };

/** Awards written by one statement (see awardAchievement). */
const ROWS_PER_INSERT = 5;

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

/**
 * Awards an achievement to members of its organisation: one signed OpenBadgeCredential each, all written in
 * `tx` (the caller's transaction: all of them or none). `actor` is an L&D admin or owner, or 'system' for an
 * award the app makes itself (a programme completed), which no gate checks. Members who hold the achievement
 * already (not revoked) are not awarded twice; ids that are not members of the organisation answer 400.
 */
export async function awardAchievement(
  ctx: AppContext,
  actor: Actor | 'system',
  tx: AppContext,
  input: AwardInput,
): Promise<{ awards: AwardView[]; alreadyHeld: string[] }> {
  // Read through the transaction: on PGlite it holds the one connection.
  let achievement = await findAchievement(tx.db, input.achievementId);
  let awardedBy: string | null = input.awardedByMemberId ?? null;
  if (actor !== 'system') {
    const managed = await loadManagedAchievement(tx, actor, input.achievementId);
    achievement = managed.achievement;
    awardedBy = managed.me.id;
  }
  if (!achievement) throw notFound('Achievement');
  const awarded = achievement;
  const orgId = achievement.organizationId;

  const wanted = [...new Set(input.memberIds)];
  const members = await membersNamed(tx.db, orgId, wanted);
  const unknown = wanted.filter((id) => !members.some((m) => m.id === id));
  if (unknown.length > 0) {
    throw validationError({ memberIds: `Not members of this organisation: ${unknown.join(', ')}.` });
  }
  const held = await holdersOf(tx.db, achievement.id);
  const recipients = members.filter((m) => !held.has(m.id));

  const issuer = await issuerOf(tx.db, orgId);
  const key = await activeSigningKey(tx, orgId);
  const signingKey = signingKeyDocument(tx, key);
  const indexes = pickStatusIndexes(await takenStatusIndexes(tx.db, orgId), recipients.length);
  const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const expiresAt = achievement.expiryDays ? new Date(issuedAt.getTime() + achievement.expiryDays * DAY_MS) : null;
  const { baseUrl } = ctx.config;

  const awardIds = recipients.map(() => randomUUID());
  const credentialOf = (member: Named, i: number) =>
    buildCredential(baseUrl, {
      awardId: awardIds[i] as string,
      orgId,
      issuer,
      achievement: awarded,
      recipientName: member.name,
      issuedAt,
      expiresAt,
      statusIndex: indexes[i] as number,
      statusListUrl: statusListUrl(baseUrl, orgId),
    });
  // Signing is CPU work (~6 ms each): done in worker threads, so a cohort of a thousand holds up no one. The
  // credentials are made and sent a slice at a time, each slice is stored as it comes back, and the server's
  // thread is handed back between slices: a thousand is many short pieces of work, not a few long ones that
  // others' requests wait behind.
  const slices: Promise<string[]>[] = [];
  for (let from = 0; from < recipients.length; from += SIGNING_SLICE) {
    const credentials = recipients.slice(from, from + SIGNING_SLICE).map((m, j) => credentialOf(m, from + j));
    slices.push(...signAway(signingKey, credentials, issuedAt));
    await handBack();
  }
  const awards: AwardView[] = [];
  let next = 0;
  for (const slice of slices) {
    const signed = await slice;
    const made = signed.map((credential, j) => ({ member: recipients[next + j] as Named, i: next + j, credential }));
    next += signed.length;
    const rows = made.map(({ member, i, credential }) => ({
      id: awardIds[i] as string,
      organizationId: orgId,
      achievementId: achievement.id,
      recipientMemberId: member.id,
      awardedByMemberId: awardedBy,
      reason: input.reason,
      credential,
      statusIndex: indexes[i] as number,
      issuedAt,
      expiresAt,
    }));
    // A few rows a statement, the thread handed back between: on PGlite each insert runs on the server's
    // thread, and 25 signed credentials at once held every other request up 5–8 ms (measured over HTTP).
    for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
      await insertAwards(tx.db, rows.slice(from, from + ROWS_PER_INSERT));
      await handBack();
    }
    for (const [j, row] of rows.entries()) {
      const listed = {
        award: { ...row, revokedAt: null, revokedReason: null },
        achievementName: achievement.name,
        achievementImage: achievement.image,
        recipientName: (made[j] as (typeof made)[number]).member.name,
      };
      awards.push(awardViewOf(baseUrl, listed, issuer.name));
    }
    await handBack();
  }
  return { awards, alreadyHeld: members.filter((m) => held.has(m.id)).map((m) => m.id) };
}

/**
 * The route's award: by an admin, in one transaction of its own. Answered as JSON text made a hundred awards at
 * a time with the thread handed back between (a cohort's thousand views in one piece held everyone up ~20 ms).
 */
export async function awardFromRequest(
  ctx: AppContext,
  actor: Actor,
  achievementId: string,
  input: z.infer<typeof awardBody>,
): Promise<string> {
  const result = await ctx.db.transaction((db) =>
    awardAchievement(ctx, actor, { ...ctx, db }, { achievementId, ...input }),
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
