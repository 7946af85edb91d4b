import type { community, insightAction, portfolioLink, postImage } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import type {
  EnlistmentParties,
  GrantRow,
  MembershipRow,
  MyMembership,
  PlanOwnership,
  PostFacts,
  ReviewRecord,
} from './access.repository.js';
import type { Actor } from './actor.js';
import type { CohortRecord, EnrolmentRecord, ProgrammeRecord } from './programme-facts.js';
import type { RecognitionRecord } from './recognition-facts.js';
import type { PlanItem } from './share-coverage.js';

/*
 * What the gate is asked about (a resource) and what it knows once it has looked (its facts), for each kind
 * of resource. A resource names what the service has: an id for the gate to load, or a row the service needed
 * anyway, passed in loaded. Facts are what the rules in access-rules.ts decide on, and what the gate hands back.
 */

export type SignedIn = Extract<Actor, { kind: 'user' }>;
export type Role = MembershipRow['role'];

export interface Resources {
  /** An organisation, for rights by role (the membership read from the database, inside a transaction too). */
  org: { org: string; template?: { published: boolean } | undefined };
  /** A member of an organisation, for rights over them. */
  member: { org: string; member: string };
  /** An organisation, for what any member keeps for themself (the membership from the cache: no query). */
  membership: { org: string };
  /**
   * A plan, by id or as loaded (undefined: it does not exist); with, inside it, a goal or evidence the service
   * loaded, a goal or reflection comments are about, or a comment.
   */
  plan: {
    plan: string | PlanOwnership | undefined;
    goal?: unknown;
    evidence?: unknown;
    item?: PlanItem;
    comment?: { authorUserId: string | null };
  };
  /** A log entry as loaded: as private as the plan. */
  logEntry: { logEntry: PlanOwnership | undefined };
  /** A post, and a comment on it the service loaded. */
  post: { post: string; comment?: { authorMemberId: string } | undefined };
  postImage: { postImage: string };
  community: { community: CommunityRow | undefined };
  review: { review: string };
  enlistment: { enlistment: string };
  insightAction: { insightAction: string };
  portfolioLink: { portfolioLink: PortfolioLinkRow | undefined };
  /** A programme, by id or as loaded (undefined: it does not exist). */
  programme: { programme: string | ProgrammeRecord | undefined };
  /** A cohort of a programme. */
  cohort: { cohort: string };
  /** One member's enrolment in a programme: their progress, reflections and blog feed. */
  enrolment: { enrolment: string | EnrolmentRecord | undefined };
  /** A learner's request for recognition of an achieved goal. */
  recognition: { recognition: string };
  /** An organisation as its directory (SCIM) sees it: only with that organisation's SCIM token. */
  directory: { org: string };
}

export type Kind = keyof Resources;

type CommunityRow = typeof community.$inferSelect;
type PortfolioLinkRow = typeof portfolioLink.$inferSelect;

export interface Facts {
  org: { user: SignedIn; me: MembershipRow; template?: { published: boolean } };
  member: { user: SignedIn; me: MembershipRow; target: MembershipRow };
  membership: { user: SignedIn; memberId: string };
  plan: {
    user: SignedIn;
    plan: PlanOwnership;
    isOwner: boolean;
    /** The actor's active shares of the plan: read only for rules about shares (`shares: true`), and never for its owner. */
    grants: GrantRow[];
    item?: PlanItem;
    comment?: { authorUserId: string | null };
  };
  logEntry: { user: SignedIn; isOwner: boolean };
  post: { user: SignedIn; memberId: string; post: PostFacts; comment?: { authorMemberId: string } };
  postImage: { user: SignedIn; memberId: string; image: typeof postImage.$inferSelect };
  community: { user: SignedIn; me: MembershipRow; community: CommunityRow };
  review: { user: SignedIn; side: 'learner' | 'supervisor'; record: ReviewRecord };
  enlistment: { user: SignedIn; side: 'learner' | 'mentor'; request: EnlistmentParties };
  insightAction: { user: SignedIn; me: MembershipRow; action: typeof insightAction.$inferSelect; told: boolean };
  portfolioLink: { user: SignedIn; memberId: string };
  /** `organiser`: an L&D admin or owner of the programme's organisation (authors and organisers). */
  programme: { user: SignedIn; me: MembershipRow; programme: ProgrammeRecord; organiser: boolean };
  cohort: {
    user: SignedIn;
    me: MembershipRow;
    cohort: CohortRecord;
    programme: ProgrammeRecord;
    organiser: boolean;
    /** The actor is enrolled in this cohort (and has not left). */
    participating: boolean;
  };
  enrolment: {
    user: SignedIn;
    me: MyMembership;
    enrolment: EnrolmentRecord;
    /** The enrolment is the actor's own. */
    isParticipant: boolean;
    organiser: boolean;
  };
  /** `approver`: the learner's supervisor or an L&D admin or owner (never the learner). */
  recognition: { user: SignedIn; me: MembershipRow; request: RecognitionRecord; isLearner: boolean; approver: boolean };
  /** The organisation whose directory acts, and the SCIM token it uses. */
  directory: { orgId: string; tokenId: string };
}

/** How one kind of resource is looked at: `load` answers 404 (as for a missing record) to anyone outside it. */
export interface KindOfResource<K extends Kind> {
  load(
    ctx: AppContext,
    actor: Actor,
    user: SignedIn,
    resource: Resources[K],
    rule: { shares?: boolean; evenSuspended?: boolean },
  ): Promise<Facts[K]>;
  /** The word for "not found" when a rule hides the resource. */
  noun: string;
  /** Checks on what the resource names inside it, once the actor may see the resource itself. */
  within?(facts: Facts[K], resource: Resources[K]): void;
}

/** Rows a service may pass in loaded: they come back from the gate, without `undefined`. */
export const passedRows = ['goal', 'evidence', 'template', 'comment', 'community', 'portfolioLink'] as const;
export type Loaded<R> = { [P in keyof R & (typeof passedRows)[number]]-?: NonNullable<R[P]> };

export function loadedRows<R extends object>(resource: R): Loaded<R> {
  return Object.fromEntries(Object.entries(resource).filter(([key]) => passedRows.some((k) => k === key))) as Loaded<R>;
}
