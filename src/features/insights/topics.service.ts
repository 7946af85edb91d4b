import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { orgTopic, topicMergeDismissal } from '../../db/schema/index.js';
import { rowsOf } from '../../db/sql-helpers.js';
import { isUniqueViolation } from '../../db/unique.js';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { synonymGroups } from '../mentoring/index.js';
import { freshSettings } from './dashboard.service.js';
import { refreshFacts } from './facts.js';
import type { suggestionBody, topicBody } from './insights.schema.js';
import { phraseOf } from './topic-map.js';

type TopicRow = typeof orgTopic.$inferSelect;
const viewOf = (t: TopicRow) => ({ id: t.id, name: t.name, synonyms: t.synonyms, version: t.version });

/** The organisation's topic list, which learners' own words are folded onto. */
export async function listTopics(ctx: AppContext, actor: Actor, orgId: string) {
  await requireAccess(ctx, actor, 'insights:read', { org: orgId });
  const rows = await ctx.db
    .select()
    .from(orgTopic)
    .where(eq(orgTopic.organizationId, orgId))
    .orderBy(asc(orgTopic.name));
  return { topics: rows.map(viewOf) };
}

/** Other names, each once, without the topic's own name. */
function cleanSynonyms(name: string, synonyms: string[]): string[] {
  const seen = new Set([phraseOf(name)]);
  return synonyms.filter((s) => {
    const phrase = phraseOf(s);
    if (seen.has(phrase)) return false;
    seen.add(phrase);
    return true;
  });
}

async function saveTopic(ctx: AppContext, orgId: string, write: () => Promise<TopicRow | undefined>) {
  let row: TopicRow | undefined;
  try {
    row = await write();
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('That topic is on the list already.', { name: 'That topic is on the list already.' });
    throw err;
  }
  if (!row) throw notFound('Topic');
  // Folding changed: every learner's topics are counted again.
  await refreshFacts(ctx.db, orgId);
  return viewOf(row);
}

export async function createTopic(ctx: AppContext, actor: Actor, orgId: string, input: z.infer<typeof topicBody>) {
  await requireAccess(ctx, actor, 'insights:manage', { org: orgId });
  return saveTopic(ctx, orgId, async () => {
    const [row] = await ctx.db
      .insert(orgTopic)
      .values({
        id: randomUUID(),
        organizationId: orgId,
        name: input.name,
        synonyms: cleanSynonyms(input.name, input.synonyms),
      })
      .returning();
    return row;
  });
}

export async function updateTopic(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  topicId: string,
  input: z.infer<typeof topicBody>,
) {
  await requireAccess(ctx, actor, 'insights:manage', { org: orgId });
  const [current] = await ctx.db
    .select()
    .from(orgTopic)
    .where(and(eq(orgTopic.id, topicId), eq(orgTopic.organizationId, orgId)));
  if (!current) throw notFound('Topic');
  if (input.version !== undefined && input.version !== current.version) {
    throw conflict('Someone else changed this topic meanwhile. Review their change and try again.', undefined, {
      current: viewOf(current),
    });
  }
  return saveTopic(ctx, orgId, async () => {
    const [row] = await ctx.db
      .update(orgTopic)
      .set({
        name: input.name,
        synonyms: cleanSynonyms(input.name, input.synonyms),
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(orgTopic.id, topicId), eq(orgTopic.version, current.version)))
      .returning();
    return row;
  });
}

export async function deleteTopic(ctx: AppContext, actor: Actor, orgId: string, topicId: string) {
  await requireAccess(ctx, actor, 'insights:manage', { org: orgId });
  const [row] = await ctx.db
    .delete(orgTopic)
    .where(and(eq(orgTopic.id, topicId), eq(orgTopic.organizationId, orgId)))
    .returning();
  if (!row) throw notFound('Topic');
  await refreshFacts(ctx.db, orgId);
}

const sameSynonymGroup = (a: string, b: string) => synonymGroups.some((g) => g.includes(a) && g.includes(b));

/**
 * Learners' own words that look like another topic: by trigram similarity, or named together in the synonym
 * list matching uses. Only words at least k learners use are shown (fewer could point at one person), and a
 * pair the admin dismissed is not shown again. An unlisted word is suggested into the more used one.
 */
export async function topicSuggestions(ctx: AppContext, actor: Actor, orgId: string) {
  await requireAccess(ctx, actor, 'insights:read', { org: orgId });
  const { k } = await freshSettings(ctx.db, orgId);
  const result = await ctx.db.execute(sql`
    with used as (
      select key, count(*)::integer as learners from insight_fact
      where organization_id = ${orgId} and kind = 'topic' group by key having count(*) >= ${k}
    ),
    listed as (select insight_phrase(name) as key from org_topic where organization_id = ${orgId}),
    unlisted as (select u.key, u.learners from used u where u.key not in (select key from listed)),
    target as (
      select key, true as listed, null::integer as learners from listed
      union all select key, false, learners from unlisted
    )
    select u.key as phrase, t.key as target, t.listed, u.learners, similarity(u.key, t.key)::float8 as similarity
    from unlisted u cross join target t
    where t.key <> u.key
      and (t.listed or t.learners > u.learners or (t.learners = u.learners and t.key < u.key))
      and not exists (
        select 1 from topic_merge_dismissal d
        where d.organization_id = ${orgId} and d.phrase = u.key and d.target = t.key
      )`);
  const pairs = rowsOf<{ phrase: string; target: string; listed: boolean; learners: number; similarity: number }>(
    result,
  );
  const suggestions = pairs
    .map((p) => ({ ...p, similarity: sameSynonymGroup(p.phrase, p.target) ? 1 : p.similarity }))
    .filter((p) => p.similarity >= 0.4)
    .sort((a, b) => b.similarity - a.similarity || b.learners - a.learners)
    .slice(0, 30)
    .map(({ listed, ...p }) => ({ ...p, targetListed: listed, similarity: Math.round(p.similarity * 100) / 100 }));
  return { suggestions };
}

/**
 * Merges learners' words into a topic: a listed one takes the words as another name; an unlisted one joins
 * the list with them. Figures are counted again at once.
 */
export async function mergeTopic(ctx: AppContext, actor: Actor, orgId: string, input: z.infer<typeof suggestionBody>) {
  await requireAccess(ctx, actor, 'insights:manage', { org: orgId });
  const phrase = phraseOf(input.phrase);
  const target = phraseOf(input.target);
  if (phrase === target) throw validationError({ target: 'Choose another topic to merge into.' });
  const topics = await ctx.db.select().from(orgTopic).where(eq(orgTopic.organizationId, orgId));
  if (topics.some((t) => phraseOf(t.name) === phrase)) {
    throw validationError({ phrase: 'That is a topic on the list: edit the list to merge it.' });
  }
  const into = topics.find((t) => phraseOf(t.name) === target);
  if (into) {
    return updateTopic(ctx, actor, orgId, into.id, {
      name: into.name,
      synonyms: [...into.synonyms, input.phrase],
      version: into.version,
    });
  }
  return createTopic(ctx, actor, orgId, { name: input.target, synonyms: [input.phrase] });
}

/** "Not the same": the pair is not suggested again. */
export async function dismissSuggestion(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: z.infer<typeof suggestionBody>,
) {
  await requireAccess(ctx, actor, 'insights:manage', { org: orgId });
  await ctx.db
    .insert(topicMergeDismissal)
    .values({ organizationId: orgId, phrase: phraseOf(input.phrase), target: phraseOf(input.target) })
    .onConflictDoNothing();
}
