import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { communityMember, membership, post, postAudience, programmeEnrolment } from '../../db/schema/index.js';

/**
 * Whether member `viewerId` may see a post, as SQL over the `post` table: their own, everyone's in the
 * organisation, their communities', one naming them among its chosen people, or one shared with a programme
 * cohort they take part in (which the programme's organisers, the organisation's L&D admins and owners, see too:
 * participants are told so when they enrol). Every read of posts — the
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
    or (${post.visibility} = 'cohort' and (${post.cohortId} = any(array(
      select ${programmeEnrolment.cohortId} from ${programmeEnrolment}
      where ${programmeEnrolment.memberId} = ${viewerId} and ${programmeEnrolment.status} <> 'left'
        and ${programmeEnrolment.cohortId} is not null))
      or exists (select 1 from ${membership} where ${membership.id} = ${viewerId} and ${membership.role} in ('owner', 'admin'))))
  ))`;
}
