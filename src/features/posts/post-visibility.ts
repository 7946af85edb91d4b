import { type SQL, sql } from 'drizzle-orm';
import { communityMember, post, postAudience } from '../../db/schema/index.js';

/**
 * Whether member `viewerId` may see a post, as SQL over the `post` table: their own, everyone's in the
 * organisation, their communities', or one naming them among its chosen people. Every read of posts — the
 * feed, one post, its reactions and comments, search — goes through this one predicate. L&D admins and owners
 * see no more than anyone else: a private post is private.
 */
export function visibleTo(viewerId: string, orgId: string): SQL {
  return sql`(${post.organizationId} = ${orgId} and (
    ${post.authorMemberId} = ${viewerId}
    or ${post.visibility} = 'organization'
    or (${post.visibility} = 'community' and exists (
      select 1 from ${communityMember} where ${communityMember.communityId} = ${post.communityId}
        and ${communityMember.memberId} = ${viewerId}))
    or (${post.visibility} = 'people' and exists (
      select 1 from ${postAudience} where ${postAudience.postId} = ${post.id}
        and ${postAudience.memberId} = ${viewerId}))
  ))`;
}
