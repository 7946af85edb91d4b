import type { GrantRow } from './access.repository.js';
import type { Facts, Kind, Role } from './resources.js';
import { coverageOf, covers, type PlanItem } from './share-coverage.js';

/**
 * One rule: which kind of resource it is about (see resources.ts) and, on what the gate found out,
 * - `sees`: whether the actor may know the resource exists; if not, 404 exactly as for a missing one
 *   (`hidden` names it when that is not the kind's own word);
 * - `allows`: the right itself, for someone who sees the resource; lacking it answers 403 (`refusal` says why).
 * A rule with neither lets anyone through whom the resource's kind lets see it.
 */
type Rule<K extends Kind> = {
  on: K;
  sees?: (facts: Facts[K]) => boolean;
  allows?: (facts: Facts[K]) => boolean;
  refusal?: string;
  hidden?: string;
  /** The rule looks at the actor's shares of the plan, so the gate reads them (plans only). */
  shares?: K extends 'plan' ? true : never;
  /** The learner's own plan counts while the directory suspends their membership (plans only: export). */
  evenSuspended?: K extends 'plan' ? true : never;
};
type AnyRule = { [K in Kind]: Rule<K> }[Kind];

export function isAdmin(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/** A draft template is the admins' work in progress: to everyone else it does not exist (lists leave it out). */
export const seesDraftTemplates = (me: { role: Role }) => isAdmin(me.role);

type PlanViewer = { isOwner: boolean; grants: GrantRow[] };
/** The learner, or someone they shared (part of) the plan with while the share is active. */
const ownerOrSharee = ({ isOwner, grants }: PlanViewer) => isOwner || grants.length > 0;

/**
 * Whether the actor reads a goal or reflection of a plan (and its comments): the learner every one, others what
 * their active shares cover. Also what lists of comments are cut to.
 */
export const readsItem = ({ isOwner, grants }: PlanViewer, item: PlanItem) =>
  isOwner || covers(coverageOf(grants), item);

/** Whether the actor comments on a goal or reflection: the learner on all, others where a share to comment covers it. */
export const commentsOnItem = ({ isOwner, grants }: PlanViewer, item: PlanItem) =>
  isOwner || covers(coverageOf(grants.filter((g) => g.access === 'comment')), item);

/**
 * Every action a service can ask about, with who may do it. A feature adds its actions here, never a gate of
 * its own. An actor outside an organisation never gets to a rule: its kind answers 404 first.
 */
export const rules = {
  // Organisations: every member sees theirs; roles decide the rest. Admin means L&D admin.
  'org:read': { on: 'org' },
  // The home page: what is next for the person themself; what it shows about others is cut by role inside.
  'home:read': { on: 'org' },
  'org:update': { on: 'org', allows: ({ me }) => me.role === 'owner' },
  'member:list': { on: 'org' },
  'member:read': { on: 'member' },
  'member:update-profile': { on: 'member', allows: ({ me, target }) => me.id === target.id },
  'member:set-supervisor': { on: 'member', allows: ({ me }) => isAdmin(me.role) },
  // Admins manage members and other admins; only owners touch owners, and only owners make owners.
  'member:set-role': {
    on: 'member',
    allows: ({ me, target }) => me.role === 'owner' || (me.role === 'admin' && target.role !== 'owner'),
  },
  'member:make-owner': {
    on: 'org',
    allows: ({ me }) => me.role === 'owner',
    refusal: 'Only an owner can make someone an owner.',
  },
  'member:remove': {
    on: 'member',
    allows: ({ me, target }) =>
      me.id === target.id || me.role === 'owner' || (me.role === 'admin' && target.role !== 'owner'),
  },
  'invitation:manage': { on: 'org', allows: ({ me }) => isAdmin(me.role) },
  'invitation:invite-owner': {
    on: 'org',
    allows: ({ me }) => me.role === 'owner',
    refusal: 'Only an owner can invite another owner.',
  },
  // Who was removed and until when their data is kept for them (never the data: that is the learner's).
  'member:list-removed': { on: 'org', allows: ({ me }) => isAdmin(me.role) },
  // The organisation's guide and plan templates: everyone uses them, L&D admins (and owners) shape them.
  'guide:read': { on: 'org' },
  'guide:update': { on: 'org', allows: ({ me }) => isAdmin(me.role) },
  'template:use': {
    on: 'org',
    sees: ({ me, template }) => !template || template.published || seesDraftTemplates(me),
    hidden: 'Template',
  },
  'template:manage': { on: 'org', allows: ({ me }) => isAdmin(me.role) },
  // Insights: each learner decides alone whether they count; L&D admins (and owners) read aggregates only.
  'insights:consent': { on: 'member', allows: ({ me, target }) => me.id === target.id },
  'insights:read': { on: 'org', allows: ({ me }) => isAdmin(me.role) },
  // The audit log is about the organisation's set-up, read by those who run it; only owners decide its keeping.
  'audit:read': {
    on: 'org',
    allows: ({ me }) => isAdmin(me.role),
    refusal: 'Only owners and L&D admins read the audit log.',
  },
  // An organisation's API tokens act for their maker there: only those who run the organisation make them.
  'token:manage-org': {
    on: 'org',
    allows: ({ me }) => isAdmin(me.role),
    refusal: "Only owners and L&D admins manage the organisation's API tokens.",
  },
  // SCIM: the organisation's directory provisions its people (only with the organisation's SCIM token); owners
  // set the directory up (tokens, what its groups mean).
  'scim:provision': { on: 'directory' },
  'scim:configure': {
    on: 'org',
    allows: ({ me }) => me.role === 'owner',
    refusal: "Only owners set up provisioning from the organisation's directory.",
  },
  // Single sign-on decides who can get in as whom: owners alone set it up.
  'sso:manage': {
    on: 'org',
    allows: ({ me }) => me.role === 'owner',
    refusal: 'Only owners set up single sign-on.',
  },
  'audit:configure': {
    on: 'org',
    allows: ({ me }) => me.role === 'owner',
    refusal: 'Only owners change how long the audit log is kept.',
  },
  'insights:manage': { on: 'org', allows: ({ me }) => isAdmin(me.role) },
  // An action is for the people it was sent to, and for the admins who act on insights.
  'insight-action:read': { on: 'insightAction', sees: ({ me, told }) => told || isAdmin(me.role) },
  'insight-action:respond': {
    on: 'insightAction',
    sees: ({ me, told }) => told || isAdmin(me.role),
    allows: ({ told }) => told,
    refusal: 'Only the people it was sent to can take it up.',
  },

  // What every member keeps for themself in an organisation: plans, log, posts, portfolio, their inbox.
  'plan:list': { on: 'org' },
  'plan:create': { on: 'org' },
  'log:capture': { on: 'membership' },
  'log:list': { on: 'membership' },
  'goal:list': { on: 'membership' },
  'portfolio:read': { on: 'membership' },
  'portfolio:manage-links': { on: 'membership' },
  'portfolio:revoke-link': { on: 'portfolioLink' },
  'portfolio:update-link': { on: 'portfolioLink' },
  'share:list-received': { on: 'membership' },
  'review:list-assigned': { on: 'membership' },
  'enlistment:list': { on: 'membership' },
  'search:run': { on: 'membership' },

  // A plan is its learner's: nobody else — not another member, not their supervisor, not an L&D admin or the
  // owner — sees it, unless the learner shared it with them. A share is read through its own route
  // (`plan:read-shared`, filtered to what it covers); every owner route stays owner-only.
  'plan:read': { on: 'plan', sees: ({ isOwner }) => isOwner },
  'plan:write': { on: 'plan', sees: ({ isOwner }) => isOwner },
  // A learner whose membership the organisation's directory suspended still exports their own plans.
  'plan:export': { on: 'plan', sees: ({ isOwner }) => isOwner, evenSuspended: true },
  // Only the learner decides who sees what (a review shares what it needs too), and sees who looked.
  'plan:share': { on: 'plan', sees: ({ isOwner }) => isOwner },
  'review:request': { on: 'plan', sees: ({ isOwner }) => isOwner },
  // Never the owner: they read their own plan whole, and a read by the owner is not one to log.
  'plan:read-shared': { on: 'plan', shares: true, sees: ({ isOwner, grants }) => !isOwner && grants.length > 0 },
  // The learning log is as private as the plan.
  'log:read': { on: 'logEntry', sees: ({ isOwner }) => isOwner },
  'log:write': { on: 'logEntry', sees: ({ isOwner }) => isOwner },

  // Comments on goals and reflections: the learner and the people the plan is shared with, each on what their
  // shares cover (resource `item`), commenting where a share is to comment.
  'comment:read': { on: 'plan', shares: true, sees: ownerOrSharee },
  'comment:write': {
    on: 'plan',
    shares: true,
    sees: ownerOrSharee,
    allows: (facts) => facts.item !== undefined && commentsOnItem(facts, facts.item),
    refusal: 'This was shared with you to read, not to comment on.',
  },
  'comment:edit': {
    on: 'plan',
    shares: true,
    sees: ownerOrSharee,
    allows: ({ user, comment }) => comment?.authorUserId === user.userId,
    refusal: 'Only its author can edit a comment.',
  },
  'comment:delete': {
    on: 'plan',
    shares: true,
    sees: ownerOrSharee,
    allows: ({ user, comment, isOwner }) => comment?.authorUserId === user.userId || isOwner,
    refusal: 'Only its author or the learner can delete a comment.',
  },
  'suggestion:decide': {
    on: 'plan',
    shares: true,
    sees: ownerOrSharee,
    allows: ({ isOwner }) => isOwner,
    refusal: 'Only the learner decides on suggestions to their plan.',
  },

  // Reviews: seen by their two people only; each writes and signs their side, the learner may withdraw.
  'review:read': { on: 'review' },
  'review:write-note': { on: 'review' },
  'review:sign': { on: 'review' },
  'review:withdraw': {
    on: 'review',
    allows: ({ side }) => side === 'learner',
    refusal: 'Only the learner who asked for the review can withdraw it.',
  },

  // Mentoring requests: the member asked answers, the learner may withdraw, either ends what was agreed.
  'enlistment:accept': {
    on: 'enlistment',
    allows: ({ side }) => side === 'mentor',
    refusal: 'Only the person asked can answer this request.',
  },
  'enlistment:decline': {
    on: 'enlistment',
    allows: ({ side }) => side === 'mentor',
    refusal: 'Only the person asked can answer this request.',
  },
  'enlistment:withdraw': {
    on: 'enlistment',
    allows: ({ side }) => side === 'learner',
    refusal: 'Only the person who asked can withdraw this request.',
  },
  'enlistment:end': { on: 'enlistment' },

  // Learning out loud: whoever may see a post (post-visibility.ts) reacts and comments; its author edits it.
  'post:create': { on: 'membership' },
  'post:read-feed': { on: 'membership' },
  'post:follow': { on: 'membership' },
  'post:upload-image': { on: 'membership' },
  'post:read': { on: 'post' },
  'post:react': { on: 'post' },
  'post:comment': { on: 'post' },
  'post:edit': {
    on: 'post',
    allows: ({ post, memberId }) => post.authorMemberId === memberId,
    refusal: 'Only its author can edit a post.',
  },
  'post:delete': {
    on: 'post',
    allows: ({ post, memberId }) => post.authorMemberId === memberId,
    refusal: 'Only its author can delete a post.',
  },
  'post:delete-comment': {
    on: 'post',
    allows: ({ post, comment, memberId }) => comment?.authorMemberId === memberId || post.authorMemberId === memberId,
    refusal: 'Only its author or the post’s author can delete a comment.',
  },
  'post:read-image': { on: 'postImage' },

  // Communities of practice: anyone may start one and join; L&D admins feature them for everyone.
  'community:create': { on: 'org' },
  'community:read-list': { on: 'org' },
  'community:read': { on: 'community' },
  'community:join': { on: 'community' },
  'community:leave': { on: 'community' },
  'community:feature': { on: 'community', allows: ({ me }) => isAdmin(me.role) },

  // Programmes, authoring: L&D admins and owners write them; a draft does not exist for anyone else.
  'programme:create': {
    on: 'org',
    allows: ({ me }) => isAdmin(me.role),
    refusal: 'Only L&D admins and owners write programmes.',
  },
  'programme:read': {
    on: 'programme',
    sees: ({ programme, organiser }) => organiser || programme.status === 'published',
  },
  'programme:edit': {
    on: 'programme',
    sees: ({ programme, organiser }) => organiser || programme.status === 'published',
    allows: ({ organiser }) => organiser,
    refusal: 'Only L&D admins and owners change programmes.',
  },
  // Authors' list holds drafts, so it is theirs alone; members find published programmes elsewhere.
  'programme:list-authored': {
    on: 'org',
    allows: ({ me }) => isAdmin(me.role),
    refusal: 'Only L&D admins and owners manage programmes.',
  },
  'cohort:edit': {
    on: 'cohort',
    sees: ({ programme, organiser }) => organiser || programme.status === 'published',
    allows: ({ organiser }) => organiser,
    refusal: 'Only L&D admins and owners change cohorts.',
  },

  // Programmes, taking part: any member enrols in a published programme; an enrolment is its participant's.
  'programme:read-catalogue': { on: 'org' },
  'programme:enrol': {
    on: 'programme',
    sees: ({ programme, organiser }) => organiser || programme.status === 'published',
    allows: ({ programme }) => programme.status === 'published',
    refusal: 'This programme is not open yet.',
  },
  'enrolment:read': { on: 'enrolment' },
  'enrolment:update': {
    on: 'enrolment',
    allows: ({ isParticipant }) => isParticipant,
    refusal: 'Only the participant changes their own progress.',
  },
  'cohort:read': {
    on: 'cohort',
    sees: ({ programme, organiser }) => organiser || programme.status === 'published',
  },
  'cohort:read-reflections': {
    on: 'cohort',
    sees: ({ programme, organiser }) => organiser || programme.status === 'published',
    allows: ({ participating, organiser }) => participating || organiser,
    refusal: 'Only the cohort’s participants and organisers read what it shares.',
  },

  // A personal secret link to the cohort's feeds (Atom of reflections, OPML of blogs): its participants and
  // organisers hold one; every fetch asks 'cohort:read-reflections' again as the holder.
  'cohort:hold-feed-link': {
    on: 'cohort',
    sees: ({ programme, organiser }) => organiser || programme.status === 'published',
    allows: ({ participating, organiser }) => participating || organiser,
    refusal: 'Only the cohort’s participants and organisers have a link to its feeds.',
  },

  // Programmes, organisers: the programme's organisers see every participant's progress.
  'programme:read-progress': {
    on: 'programme',
    sees: ({ programme, organiser }) => organiser || programme.status === 'published',
    allows: ({ organiser }) => organiser,
    refusal: 'Only the programme’s organisers see participants’ progress.',
  },
  'programme:nudge': {
    on: 'programme',
    sees: ({ programme, organiser }) => organiser || programme.status === 'published',
    allows: ({ organiser }) => organiser,
    refusal: 'Only the programme’s organisers nudge its participants.',
  },

  // Programmes, blog feeds: a participant registers their own blog; a cohort's feed is read by its people.
  'enrolment:register-blog': {
    on: 'enrolment',
    allows: ({ isParticipant }) => isParticipant,
    refusal: 'Only the participant registers their own blog.',
  },

  // Badges: L&D admins and owners define achievements, award and revoke them and keep the issuer's keys; each
  // learner sees the badges they hold. Verifying a credential needs no account (no rule: anyone may).
  'badge:manage': {
    on: 'org',
    allows: ({ me }) => isAdmin(me.role),
    refusal: 'Only L&D admins and owners manage badges.',
  },
  'badge:read-own': { on: 'membership' },

  // Recognition on request: only a goal's learner asks (anyone else: the plan is missing to them); members see
  // which achievements are open to requests; the learner's supervisor and L&D admins and owners decide.
  'recognition:ask': { on: 'plan', sees: ({ isOwner }) => isOwner },
  'recognition:list-requestable': { on: 'membership' },
  'recognition:list-own': { on: 'membership' },
  // Any member may look: a member who supervises no one and is no admin gets an empty list.
  'recognition:list-to-decide': { on: 'org' },
  'recognition:read': { on: 'recognition' },
  'recognition:decide': {
    on: 'recognition',
    allows: ({ approver }) => approver,
    refusal: 'Only the learner’s supervisor or an L&D admin or owner decides on recognition.',
  },
} satisfies Record<string, AnyRule>;

export type Action = keyof typeof rules;
/** The kind of resource an action is about. */
export type KindOf<A extends Action> = (typeof rules)[A]['on'];
