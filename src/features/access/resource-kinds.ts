import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import {
  findEnlistmentParties,
  findInsightActionForViewer,
  findMemberOfOrg,
  findMembership,
  findPostForViewer,
  findPostImageForViewer,
  findReviewWithParties,
  type PlanOwnership,
  wasTold,
} from './access.repository.js';
import { isAdmin, readsItem } from './access-rules.js';
import { activeGrantsOf, enrolmentRecord, planOwnership } from './cached-reads.js';
import { allMyMemberships, myMemberships } from './memberships-cache.js';
import { findCohortWithProgramme, findProgramme, participatesInCohort } from './programme-facts.js';
import { approvesFor, findRecognitionRequest } from './recognition-facts.js';
import type { Kind, KindOfResource, SignedIn } from './resources.js';

/**
 * The actor's memberships, from the cached list (no query). An organisation's API token acts for its maker in
 * that organisation alone: every other one is as if they were not a member, so its records answer 404.
 */
async function membershipsOf(ctx: AppContext, user: SignedIn, evenSuspended = false) {
  const all = await (evenSuspended ? allMyMemberships : myMemberships)(ctx, user.userId);
  return user.onlyOrg ? all.filter((m) => m.organizationId === user.onlyOrg) : all;
}

/** The actor's own membership of an organisation, from the cached list of their memberships (no query). */
async function myMembershipOf(ctx: AppContext, user: SignedIn, orgId: string) {
  return (await membershipsOf(ctx, user)).find((m) => m.organizationId === orgId);
}

/** The actor's membership row of an organisation (read fresh), within an organisation token's one organisation. */
async function membershipIn(ctx: AppContext, user: SignedIn, orgId: string) {
  if (user.onlyOrg && user.onlyOrg !== orgId) return undefined;
  return findMembership(ctx.db, orgId, user.userId);
}

/**
 * The record is the actor's own (a plan, a log entry), and they still belong to its organisation: checked
 * against the cached list of their memberships, so reading a plan costs no extra query. `evenSuspended`: a
 * membership the organisation's directory suspended still counts (their own data stays theirs to export).
 */
async function ownsRecord(ctx: AppContext, user: SignedIn, record: PlanOwnership, evenSuspended = false) {
  const memberships = await membershipsOf(ctx, user, evenSuspended);
  return record.userId === user.userId && memberships.some((m) => m.memberId === record.memberId);
}

/** Every kind of resource the gate knows, and how it looks at each. */
export const kinds: { [K in Kind]: KindOfResource<K> } = {
  org: {
    noun: 'Organisation',
    async load(ctx, _actor, user, { org, template }) {
      const me = await membershipIn(ctx, user, org);
      if (!me) throw notFound('Organisation');
      return { user, me, template };
    },
    within(_facts, resource) {
      if ('template' in resource && !resource.template) throw notFound('Template');
    },
  },

  member: {
    noun: 'Member',
    async load(ctx, _actor, user, { org, member }) {
      const me = await membershipIn(ctx, user, org);
      if (!me) throw notFound('Organisation');
      const target = member === me.id ? me : await findMemberOfOrg(ctx.db, org, member);
      if (!target) throw notFound('Member');
      return { user, me, target };
    },
  },

  membership: {
    noun: 'Organisation',
    async load(ctx, _actor, user, { org }) {
      const mine = await myMembershipOf(ctx, user, org);
      if (!mine) throw notFound('Organisation');
      return { user, memberId: mine.memberId };
    },
  },

  plan: {
    noun: 'Plan',
    async load(ctx, actor, user, resource, rule) {
      const plan = typeof resource.plan === 'string' ? await planOwnership(ctx, resource.plan) : resource.plan;
      if (!plan) throw notFound('Plan');
      const isOwner = await ownsRecord(ctx, user, plan, rule.evenSuspended);
      const grants = rule.shares && !isOwner ? await activeGrantsOf(ctx, actor, user.userId, plan) : [];
      return { user, plan, isOwner, grants, item: resource.item, comment: resource.comment };
    },
    within(facts, resource) {
      if ('goal' in resource && !resource.goal) throw notFound('Goal');
      if ('evidence' in resource && !resource.evidence) throw notFound('Evidence');
      // Someone a plan was shared with sees only what their shares cover; anything else is missing to them.
      const { item } = resource;
      if (item && !readsItem(facts, item)) {
        throw notFound(item.kind === 'goal' ? 'Goal' : 'Reflection');
      }
    },
  },

  logEntry: {
    noun: 'Log entry',
    async load(ctx, _actor, user, { logEntry }) {
      if (!logEntry) throw notFound('Log entry');
      return { user, isOwner: await ownsRecord(ctx, user, logEntry) };
    },
  },

  post: {
    noun: 'Post',
    async load(ctx, _actor, user, resource) {
      const found = await findPostForViewer(ctx.db, resource.post, user.userId);
      // Someone outside the post's organisation learns nothing, not even that it exists.
      if (!found?.viewerMemberId || !found.visible) throw notFound('Post');
      return { user, memberId: found.viewerMemberId, post: found.post, comment: resource.comment };
    },
    within(_facts, resource) {
      if ('comment' in resource && !resource.comment) throw notFound('Comment');
    },
  },

  postImage: {
    noun: 'Image',
    async load(ctx, _actor, user, resource) {
      const found = await findPostImageForViewer(ctx.db, resource.postImage, user.userId);
      // Its uploader sees it (a post being written), anyone else only through a post they may see.
      const memberId = found?.viewerMemberId;
      if (!found || !memberId || (found.image.uploaderMemberId !== memberId && !found.postVisible)) {
        throw notFound('Image');
      }
      return { user, memberId, image: found.image };
    },
  },

  community: {
    noun: 'Community',
    async load(ctx, _actor, user, { community }) {
      // Another organisation's community answers exactly like a missing one: its organisation is not named.
      const me = community && (await membershipIn(ctx, user, community.organizationId));
      if (!community || !me) throw notFound('Community');
      return { user, me, community };
    },
  },

  programme: {
    noun: 'Programme',
    // Another organisation's programme answers exactly like a missing one; rules hide drafts from learners.
    async load(ctx, _actor, user, resource) {
      const programme =
        typeof resource.programme === 'string' ? await findProgramme(ctx.db, resource.programme) : resource.programme;
      const me = programme && (await membershipIn(ctx, user, programme.organizationId));
      if (!programme || !me) throw notFound('Programme');
      return { user, me, programme, organiser: isAdmin(me.role) };
    },
  },

  cohort: {
    noun: 'Cohort',
    async load(ctx, _actor, user, resource) {
      const found = await findCohortWithProgramme(ctx.db, resource.cohort);
      const me = found && (await membershipIn(ctx, user, found.programme.organizationId));
      if (!found || !me) throw notFound('Cohort');
      const participating = await participatesInCohort(ctx.db, found.cohort.id, me.id);
      return { user, me, cohort: found.cohort, programme: found.programme, organiser: isAdmin(me.role), participating };
    },
  },

  enrolment: {
    noun: 'Enrolment',
    // Only the participant and the programme's organisers know an enrolment exists.
    async load(ctx, _actor, user, resource) {
      const enrolment =
        typeof resource.enrolment === 'string' ? await enrolmentRecord(ctx, resource.enrolment) : resource.enrolment;
      // From the cached list of the actor's memberships: participants open "this week" all day (no query).
      const me = enrolment && (await myMembershipOf(ctx, user, enrolment.organizationId));
      if (!enrolment || !me) throw notFound('Enrolment');
      const isParticipant = enrolment.userId === user.userId && enrolment.memberId === me.memberId;
      const organiser = isAdmin(me.role);
      if (!isParticipant && !organiser) throw notFound('Enrolment');
      return { user, me, enrolment, isParticipant, organiser };
    },
  },

  review: {
    noun: 'Review',
    // Only its two people get past: the learner whose plan it is and the supervisor named on it (still
    // members of the organisation). An admin, the org owner or the learner's next supervisor gets 404.
    async load(ctx, _actor, user, resource) {
      const record = await findReviewWithParties(ctx.db, resource.review);
      if (!record) throw notFound('Review');
      const mine = await myMembershipOf(ctx, user, record.plan.organizationId);
      if (mine?.memberId === record.plan.memberId) return { user, side: 'learner', record };
      if (mine?.memberId === record.review.supervisorMemberId) return { user, side: 'supervisor', record };
      throw notFound('Review');
    },
  },

  enlistment: {
    noun: 'Mentoring request',
    // Someone who is neither its learner nor the member asked gets 404, as if it did not exist.
    async load(ctx, _actor, user, resource) {
      const request = await findEnlistmentParties(ctx.db, resource.enlistment);
      if (!request) throw notFound('Mentoring request');
      const mine = (await myMembershipOf(ctx, user, request.organizationId))?.memberId;
      if (mine === request.mentorMemberId) return { user, side: 'mentor', request };
      if (mine === request.learnerMemberId) return { user, side: 'learner', request };
      throw notFound('Mentoring request');
    },
  },

  insightAction: {
    noun: 'Action',
    async load(ctx, _actor, user, resource) {
      const found = await findInsightActionForViewer(ctx.db, resource.insightAction, user.userId);
      if (!found) throw notFound('Action');
      return { user, ...found, told: await wasTold(ctx.db, found.action.id, found.me.id) };
    },
  },

  portfolioLink: {
    noun: 'Link',
    async load(ctx, _actor, user, { portfolioLink: link }) {
      if (!link || link.userId !== user.userId) throw notFound('Link');
      // Still theirs only while they belong to the organisation the link was made in.
      const mine = await myMembershipOf(ctx, user, link.organizationId);
      if (!mine) throw notFound('Organisation');
      if (mine.memberId !== link.memberId) throw notFound('Link');
      return { user, memberId: mine.memberId };
    },
  },

  directory: {
    noun: 'Organisation',
    // Only the organisation's own directory (its SCIM token) gets past; a person signed in is not it.
    async load(_ctx, actor, _user, { org }) {
      if (actor.kind !== 'directory' || actor.orgId !== org) throw notFound('Organisation');
      return { orgId: org, tokenId: actor.tokenId };
    },
  },

  recognition: {
    noun: 'Request',
    // Only its learner and its approvers know a request exists; anyone else, in the organisation or not, gets 404.
    async load(ctx, _actor, user, resource) {
      const request = await findRecognitionRequest(ctx.db, resource.recognition);
      const me = request && (await findMembership(ctx.db, request.organizationId, user.userId));
      if (!request || !me) throw notFound('Request');
      const isLearner = request.learnerMemberId === me.id;
      const approver = approvesFor(me, {
        memberId: request.learnerMemberId,
        supervisorId: request.learnerSupervisorId,
      });
      if (!isLearner && !approver) throw notFound('Request');
      return { user, me, request, isLearner, approver };
    },
  },
};
