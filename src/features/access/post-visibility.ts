import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { communityMember, post, postAudience } from '../../db/schema/index.js';

/**
 * Whether member `viewerId` may see a post, as SQL over the `post` table: their own, everyone's in the
 * organisation, their communities', or one naming them among its chosen people. Every read of posts — the
 * feed, one post, its reactions and comments, search — goes through this one predicate. L&D admins and owners
 * see no more than anyone else: a private post is private.
 *
 * The viewer's communities and the posts naming them are read once per query (`= any(array(…))`, an init
 * plan), not per post: so PostgreSQL walks the feed index newest first and stops after a page, instead of
 * costing a lookup per post and sorting the whole organisation's posts (450 → a few ms at 100,000 posts).
 * The viewer and organisation may be columns too: the access gate asks about one post for the signed-in person
 * in the same query that finds their membership (access.repository.ts).
 */
export function visibleTo(viewerId: string | AnyColumn, orgId: string | AnyColumn): SQL {
  return sql`(${post.organizationId} = ${orgId} and (
    ${post.authorMemberId} = ${viewerId}
    or ${post.visibility} = 'organization'
    or (${post.visibility} = 'community' and ${post.communityId} = any(array(
      select ${communityMember.communityId} from ${communityMember} where ${communityMember.memberId} = ${viewerId})))
    or (${post.visibility} = 'people' and ${post.id} = any(array(
      select ${postAudience.postId} from ${postAudience} where ${postAudience.memberId} = ${viewerId})))
  ))`;
}
