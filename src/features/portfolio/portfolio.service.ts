import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '../../db/client.js';
import type { AppContext } from '../../server/context.js';
import { AppError, notFound, validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { badgesToShow } from '../badges/index.js';
import { evidenceOfGoals, evidenceViewOf, openStoredFile, ownerDownloadUrl } from '../evidence/index.js';
import { expiryInstant, getLearnerSettings } from '../settings/index.js';
import {
  achievedGoalsOf,
  evidenceOfAchievedGoal,
  findPortfolioLink,
  findWorkingLink,
  insertPortfolioLink,
  linksOfMember,
  markLinkOpened,
  ownerOfPortfolio,
  type PortfolioLinkRow,
  revokePortfolioLink,
  setLinkShowsBadges,
} from './portfolio.repository.js';
import type {
  CreatedPortfolioLink,
  createPortfolioLinkBody,
  PortfolioEvidence,
  PortfolioLinkView,
  PortfolioView,
} from './portfolio.schema.js';

/*
 * The token in a secret link is the only key to the portfolio behind it, so it is long and random and only
 * its SHA-256 is stored: a leaked database gives no working links, and the link is shown once.
 */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** 32 random bytes in base64url: what every token made here looks like. */
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

export const sharedPath = (token: string) => `/api/portfolio/shared/${token}`;
const publicPagePath = (token: string) => `/p/${token}`;

/** One answer for unknown, malformed, revoked and expired links alike, so a holder learns nothing more. */
const linkDoesNotWork = () => new AppError('not_found', 'This portfolio link does not work (any more).');

/**
 * A learner's achieved goals in one organisation with their evidence. `downloadUrl` says where a file
 * downloads from for this reader (the owner's plan route, or the secret link).
 */
async function buildPortfolio(
  db: Database,
  memberId: string,
  downloadUrl: Parameters<typeof evidenceViewOf>[1],
): Promise<PortfolioView> {
  const [owner, goals] = await Promise.all([ownerOfPortfolio(db, memberId), achievedGoalsOf(db, memberId)]);
  if (!owner) throw notFound('Portfolio');
  const evidenceRows = await evidenceOfGoals(
    db,
    goals.map((g) => g.id),
  );
  const byGoal = new Map<string, PortfolioEvidence[]>();
  for (const row of evidenceRows) {
    // Evidence names its goal by id and plan; only what was recorded in the goal's own plan counts.
    const goalOfRow = goals.find((g) => g.id === row.goalId && g.planId === row.planId);
    if (!goalOfRow) continue;
    const { id, kind, title, note, url, occurredOn, file } = evidenceViewOf(row, downloadUrl);
    const list = byGoal.get(row.goalId) ?? [];
    list.push({ id, kind, title, note, url, occurredOn, file });
    byGoal.set(row.goalId, list);
  }
  return {
    learnerName: owner.learnerName,
    organizationName: owner.organizationName,
    goals: goals.map((g) => ({ ...g, evidence: byGoal.get(g.id) ?? [] })),
  };
}

/** The signed-in learner's own portfolio in an organisation they belong to. */
export async function getMyPortfolio(ctx: AppContext, actor: Actor, orgId: string): Promise<PortfolioView> {
  const { memberId } = await requireAccess(ctx, actor, 'portfolio:read', { org: orgId });
  return buildPortfolio(ctx.db, memberId, ownerDownloadUrl);
}

function linkView(row: PortfolioLinkRow, now: Date): PortfolioLinkView {
  const status = row.revokedAt ? 'revoked' : row.expiresAt && row.expiresAt <= now ? 'expired' : 'active';
  return {
    id: row.id,
    label: row.label,
    showBadges: row.showBadges,
    status,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastOpenedAt: row.lastOpenedAt?.toISOString() ?? null,
  };
}

/** The learner's secret links in an organisation, newest first (never their addresses). */
export async function listMyLinks(ctx: AppContext, actor: Actor, orgId: string, now = new Date()) {
  const { memberId } = await requireAccess(ctx, actor, 'portfolio:manage-links', { org: orgId });
  return { links: (await linksOfMember(ctx.db, memberId)).map((row) => linkView(row, now)) };
}

/**
 * Makes a secret link to the learner's portfolio in an organisation, optionally expiring. Answers the full
 * address once; only the token's fingerprint is kept.
 */
export async function createLink(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof createPortfolioLinkBody>,
  now = new Date(),
): Promise<CreatedPortfolioLink> {
  const { user, memberId } = await requireAccess(ctx, actor, 'portfolio:manage-links', { org: input.organizationId });
  let expiresAt: Date | null = null;
  if (input.expiresAt) {
    const { timeZone } = await getLearnerSettings(ctx.db, user.userId);
    expiresAt = expiryInstant(input.expiresAt, timeZone);
    if (expiresAt <= now) {
      throw validationError({ expiresAt: 'Choose a day in the future, or leave it empty for a link that stays.' });
    }
  }
  const token = randomBytes(32).toString('base64url');
  const row = await insertPortfolioLink(ctx.db, {
    id: randomUUID(),
    organizationId: input.organizationId,
    memberId,
    userId: user.userId,
    label: input.label ?? '',
    showBadges: input.showBadges,
    tokenHash: hashToken(token),
    expiresAt,
  });
  return { ...linkView(row, now), url: `${ctx.config.baseUrl}${publicPagePath(token)}` };
}

/** Revokes one of the learner's own links; anyone else's answers 404 as if it did not exist. */
export async function revokeLink(ctx: AppContext, actor: Actor, linkId: string, now = new Date()) {
  const { portfolioLink } = await requireAccess(ctx, actor, 'portfolio:revoke-link', {
    portfolioLink: await findPortfolioLink(ctx.db, linkId),
  });
  await revokePortfolioLink(ctx.db, portfolioLink.id, now);
}

/** The learner chooses again whether one of their links shows their badges; anyone else's answers 404. */
export async function setLinkBadges(
  ctx: AppContext,
  actor: Actor,
  linkId: string,
  showBadges: boolean,
  now = new Date(),
) {
  const { portfolioLink } = await requireAccess(ctx, actor, 'portfolio:update-link', {
    portfolioLink: await findPortfolioLink(ctx.db, linkId),
  });
  return linkView(await setLinkShowsBadges(ctx.db, portfolioLink.id, showBadges), now);
}

async function requireWorkingLink(ctx: AppContext, token: string, now: Date) {
  const link = tokenShape.test(token) ? await findWorkingLink(ctx.db, hashToken(token), now) : undefined;
  if (!link) throw linkDoesNotWork();
  return link;
}

/**
 * The portfolio behind a secret link, for anyone holding it (no sign-in: the token is the key). Records
 * when the link was last opened, so the learner can see it is used.
 */
export async function openSharedPortfolio(ctx: AppContext, token: string, now = new Date()): Promise<PortfolioView> {
  const link = await requireWorkingLink(ctx, token, now);
  const view = await buildPortfolio(ctx.db, link.memberId, (row) => `${sharedPath(token)}/evidence/${row.id}/file`);
  await markLinkOpened(ctx.db, link.id, now);
  // Badges only where the learner chose to show them, when they made the link.
  if (!link.showBadges) return view;
  return { ...view, badges: await badgesToShow(ctx.db, ctx.config.baseUrl, link.memberId) };
}

/** A file of the shared portfolio: only evidence of an achieved goal of that learner, in that organisation. */
export async function openSharedFile(ctx: AppContext, token: string, evidenceId: string, now = new Date()) {
  const link = await requireWorkingLink(ctx, token, now);
  const row = await evidenceOfAchievedGoal(ctx.db, link.memberId, evidenceId);
  if (!row) throw notFound('File');
  return openStoredFile(ctx, row);
}
