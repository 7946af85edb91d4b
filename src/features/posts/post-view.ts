import { reactionKinds } from '../../db/schema/posts.js';
import type { ListedPost } from './posts.repository.js';
import type { PostView } from './posts.schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A post as the viewer sees it; what links it to the author's plan shows to the author only. */
export function postViewOf(row: ListedPost, viewerId: string, audience: PostView['audience'] = null): PostView {
  const p = row.post;
  const mine = p.authorMemberId === viewerId;
  return {
    id: p.id,
    organizationId: p.organizationId,
    author: { memberId: p.authorMemberId, name: row.authorName, title: row.authorTitle },
    title: p.title,
    body: p.body,
    html: p.html,
    topics: p.topics,
    visibility: p.visibility,
    community: p.communityId ? { id: p.communityId, name: row.communityName ?? '' } : null,
    audience: mine ? audience : null,
    source: mine && p.sourceKind && p.sourceId ? { kind: p.sourceKind, id: p.sourceId } : null,
    goal: mine && p.planId && p.goalId ? { planId: p.planId, goalId: p.goalId } : null,
    reactions: Object.fromEntries(reactionKinds.map((k) => [k, row.reactions?.[k] ?? 0])) as PostView['reactions'],
    myReactions: row.myReactions as PostView['myReactions'],
    commentCount: row.commentCount,
    mine,
    createdAt: p.createdAt.toISOString(),
    editedAt: iso(p.editedAt),
  };
}
