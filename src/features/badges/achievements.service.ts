import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { retryIfRaced } from '../../db/unique.js';
import type { AppContext } from '../../server/context.js';
import { AppError, conflict, notFound, validationError } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { checkUploadedImage, templateImage } from './badge-image.js';
import {
  type AchievementRow,
  achievementNamed,
  findAchievement,
  insertAchievement,
  issuerKeys,
  issuerOf,
  listAchievements,
  updateAchievement,
  updateIssuer,
} from './badges.repository.js';
import type {
  AchievementView,
  createAchievementBody,
  IssuerView,
  updateAchievementBody,
  updateIssuerBody,
} from './badges.schema.js';
import { issuerDid } from './issuer-identity.js';
import { activeSigningKey, rotateSigningKey } from './issuer-keys.js';

function achievementViewOf(a: AchievementRow, awarded: number): AchievementView {
  return {
    id: a.id,
    organizationId: a.organizationId,
    name: a.name,
    description: a.description,
    criteria: a.criteria,
    image: a.image,
    tags: a.tags,
    expiryDays: a.expiryDays,
    openToRequests: a.openToRequests,
    awarded,
    version: a.version,
  };
}

/** The organisation as an issuer: its profile, its DID and every key it has (the public halves). */
export async function getIssuer(ctx: AppContext, actor: Actor, orgId: string): Promise<IssuerView> {
  await requireAccess(ctx, actor, 'badge:manage', { org: orgId });
  return issuerViewOf(ctx, orgId);
}

async function issuerViewOf(ctx: AppContext, orgId: string): Promise<IssuerView> {
  const issuer = await issuerOf(ctx.db, orgId);
  const keys = await issuerKeys(ctx.db, orgId);
  const did = issuerDid(ctx.config.baseUrl, orgId);
  return {
    organizationId: orgId,
    did,
    name: issuer.name,
    url: issuer.url,
    imageUrl: issuer.imageUrl,
    colour: issuer.colour,
    version: issuer.version,
    keys: keys.map((k) => ({
      id: `${did}#${k.fragment}`,
      publicKeyMultibase: k.publicKeyMultibase,
      active: k.active,
      createdAt: k.createdAt.toISOString(),
      retiredAt: k.retiredAt?.toISOString() ?? null,
    })),
  };
}

/** L&D admins change how the organisation presents itself on its credentials; a stale version answers 409. */
export async function updateIssuerProfile(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: z.infer<typeof updateIssuerBody>,
): Promise<IssuerView> {
  await requireAccess(ctx, actor, 'badge:manage', { org: orgId });
  await issuerOf(ctx.db, orgId);
  const { version, ...values } = input;
  if (version === undefined) throw validationError({ version: 'Send the version you edited.' });
  const updated = await updateIssuer(ctx.db, orgId, version, values);
  if (!updated) {
    throw conflict('Someone changed the issuer meanwhile.', undefined, { current: await issuerViewOf(ctx, orgId) });
  }
  return issuerViewOf(ctx, orgId);
}

/**
 * Makes a new signing key and retires the active one. The retired key stays published in the DID document, so
 * every credential it signed still verifies; new credentials are signed with the new key.
 */
export async function rotateIssuerKey(ctx: AppContext, actor: Actor, orgId: string): Promise<IssuerView> {
  await requireAccess(ctx, actor, 'badge:manage', { org: orgId });
  await activeSigningKey(ctx, orgId);
  await inTransaction(ctx, async (inTx) => {
    const key = await rotateSigningKey(inTx, orgId);
    await recordAudit(inTx.db, auditActorOf(actor), {
      orgId,
      action: 'badges.key_rotated',
      target: { kind: 'badge_key', id: key.id, name: null },
    });
  });
  return issuerViewOf(ctx, orgId);
}

/** The organisation's achievements, by name, with how many times each was awarded. */
export async function listOrgAchievements(ctx: AppContext, actor: Actor, orgId: string): Promise<AchievementView[]> {
  await requireAccess(ctx, actor, 'badge:manage', { org: orgId });
  return (await listAchievements(ctx.db, orgId)).map((r) => achievementViewOf(r.achievement, r.awarded));
}

/**
 * The gate's answer for a record inside an organisation: someone outside it is told the record is missing, in the
 * record's own words, exactly as for an id that does not exist.
 */
export async function asMissing<T>(granted: Promise<T>, noun: string): Promise<T> {
  try {
    return await granted;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') throw notFound(noun);
    throw err;
  }
}

/** An achievement of an organisation the actor manages badges of; another organisation's is a 404. */
export async function loadManagedAchievement(ctx: AppContext, actor: Actor, achievementId: string) {
  const found = await findAchievement(ctx.db, achievementId);
  if (!found) throw notFound('Achievement');
  const granted = await asMissing(
    requireAccess(ctx, actor, 'badge:manage', { org: found.organizationId }),
    'Achievement',
  );
  return { achievement: found, me: granted.me };
}

export async function getAchievement(ctx: AppContext, actor: Actor, achievementId: string): Promise<AchievementView> {
  const { achievement } = await loadManagedAchievement(ctx, actor, achievementId);
  const [row] = (await listAchievements(ctx.db, achievement.organizationId)).filter(
    (r) => r.achievement.id === achievementId,
  );
  return achievementViewOf(achievement, row?.awarded ?? 0);
}

const nameTaken = () =>
  conflict('An achievement of that name exists already.', { name: 'An achievement of that name exists already.' });

/**
 * L&D admins define an achievement: its image is the uploaded one (checked) or one made from the template in
 * the issuer's colour. Names are unique in an organisation (409).
 */
export async function createAchievement(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: z.infer<typeof createAchievementBody>,
): Promise<AchievementView> {
  const { me } = await requireAccess(ctx, actor, 'badge:manage', { org: orgId });
  const issuer = await issuerOf(ctx.db, orgId);
  const image = input.image ? checkUploadedImage(input.image) : templateImage(input.name, issuer.colour);
  const id = randomUUID();
  const taken = await retryIfRaced(() =>
    ctx.db.transaction(async (tx) => {
      if (await achievementNamed(tx, orgId, input.name)) return true;
      await insertAchievement(tx, { id, organizationId: orgId, ...input, image, createdByMemberId: me.id });
      return false;
    }),
  );
  if (taken) throw nameTaken();
  return getAchievement(ctx, actor, id);
}

/**
 * Changes an achievement. Credentials already issued keep what they were issued with (they are signed); new
 * awards carry the change. A stale version answers 409 with the current achievement.
 */
export async function editAchievement(
  ctx: AppContext,
  actor: Actor,
  achievementId: string,
  input: z.infer<typeof updateAchievementBody>,
): Promise<AchievementView> {
  const { achievement } = await loadManagedAchievement(ctx, actor, achievementId);
  const { version, ...values } = input;
  if (version === undefined) throw validationError({ version: 'Send the version you edited.' });
  const issuer = await issuerOf(ctx.db, achievement.organizationId);
  const image = values.image ? checkUploadedImage(values.image) : templateImage(values.name, issuer.colour);
  if (await achievementNamed(ctx.db, achievement.organizationId, values.name, achievementId)) {
    throw nameTaken();
  }
  const updated = await updateAchievement(ctx.db, achievementId, version, { ...values, image });
  if (!updated) {
    throw conflict('Someone changed this achievement meanwhile.', undefined, {
      current: await getAchievement(ctx, actor, achievementId),
    });
  }
  return getAchievement(ctx, actor, achievementId);
}
