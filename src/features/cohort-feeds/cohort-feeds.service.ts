import type { AppContext } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import { etagOf } from '../../server/secret-feed-answer.js';
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from '../../server/secret-token.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { buildBlogsOpml, buildReflectionsAtom, type CohortFeedAbout } from './cohort-feed-documents.js';
import {
  deleteFeedToken,
  findFeedTokenHolder,
  findFeedTokenMadeAt,
  listCohortBlogs,
  listFeedReflections,
  saveFeedToken,
} from './cohort-feeds.repository.js';
import type { CohortFeedLinkStatus, CohortFeedLinkView } from './cohort-feeds.schema.js';

/*
 * The token is made, kept and checked as the calendar feed's is (decision 2026-11-23-calendar-feed): shown once,
 * only its SHA-256 stored, a new one replaces the old, turning it off deletes it.
 */
export const atomPath = (token: string) => `/api/cohort-feeds/${token}/reflections.atom`;
export const opmlPath = (token: string) => `/api/cohort-feeds/${token}/blogs.opml`;

/** Whether the person has a link to the cohort's feeds, and since when; for its participants and organisers. */
export async function readFeedLinkStatus(
  ctx: AppContext,
  actor: Actor,
  cohortId: string,
): Promise<CohortFeedLinkStatus> {
  const { user, cohort } = await requireAccess(ctx, actor, 'cohort:hold-feed-link', { cohort: cohortId });
  const madeAt = await findFeedTokenMadeAt(ctx.db, cohort.id, user.userId);
  return { active: madeAt !== undefined, madeAt: madeAt?.toISOString() ?? null };
}

/**
 * Makes a new personal link to the cohort's feeds for a participant or organiser. It replaces their old one in
 * the same write, so an old link stops working at once. The addresses are answered only here.
 */
export async function makeFeedLink(
  ctx: AppContext,
  actor: Actor,
  cohortId: string,
  now = new Date(),
): Promise<CohortFeedLinkView> {
  const { user, cohort } = await requireAccess(ctx, actor, 'cohort:hold-feed-link', { cohort: cohortId });
  const token = newSecretToken();
  await saveFeedToken(ctx.db, cohort.id, user.userId, hashSecretToken(token), now);
  return {
    atomUrl: `${ctx.config.baseUrl}${atomPath(token)}`,
    opmlUrl: `${ctx.config.baseUrl}${opmlPath(token)}`,
    madeAt: now.toISOString(),
  };
}

/** Turns the person's link off: both addresses answer 404 from now on. Nothing to do if there was none. */
export async function turnOffFeedLink(ctx: AppContext, actor: Actor, cohortId: string): Promise<void> {
  const { user, cohort } = await requireAccess(ctx, actor, 'cohort:hold-feed-link', { cohort: cohortId });
  await deleteFeedToken(ctx.db, cohort.id, user.userId);
}

/**
 * Who holds a link and what they may read now. The gate is asked again, as that person, on every fetch: someone
 * who left the cohort or the organisation, or an organiser no longer an L&D admin, finds the link dead at once.
 * Unknown, revoked and malformed tokens, and holders the gate refuses, all answer the same 404.
 */
async function openFeedLink(ctx: AppContext, token: string) {
  const holder = looksLikeSecretToken(token) ? await findFeedTokenHolder(ctx.db, hashSecretToken(token)) : undefined;
  if (!holder) throw notFound('Feed');
  // Feed readers have no session; the gate needs only who it is asking about.
  const asHolder: Actor = {
    kind: 'user',
    userId: holder.userId,
    email: holder.email,
    name: holder.name,
    sessionId: `cohort-feed:${holder.cohortId}`,
  };
  try {
    const { me, cohort, programme } = await requireAccess(ctx, asHolder, 'cohort:read-reflections', {
      cohort: holder.cohortId,
    });
    const about: CohortFeedAbout = {
      orgId: programme.organizationId,
      cohortId: cohort.id,
      cohortName: cohort.name,
      programmeTitle: programme.title,
      cohortCreatedAt: cohort.createdAt,
      baseUrl: ctx.config.baseUrl,
    };
    return { about, memberId: me.id };
  } catch (err) {
    if (err instanceof AppError && (err.code === 'forbidden' || err.code === 'not_found')) throw notFound('Feed');
    throw err;
  }
}

/** The Atom feed behind a link: the cohort's reflections its holder may read now. */
export async function renderReflectionsAtom(ctx: AppContext, token: string) {
  const { about, memberId } = await openFeedLink(ctx, token);
  const rows = await listFeedReflections(ctx.db, about.cohortId, memberId, about.orgId);
  const body = buildReflectionsAtom(about, rows);
  return { body, etag: etagOf(body) };
}

/** The OPML list behind a link: the blogs the cohort's participants registered. */
export async function renderBlogsOpml(ctx: AppContext, token: string) {
  const { about } = await openFeedLink(ctx, token);
  const body = buildBlogsOpml(about, await listCohortBlogs(ctx.db, about.cohortId));
  return { body, etag: etagOf(body) };
}
