/**
 * What a write changed, named by keys only: these travel between instances (PostgreSQL NOTIFY, whose payload
 * is capped at 8,000 bytes) and carry no content. A writer announces what it changed in its own terms; the
 * caches that show it declare which changes they listen to (read-cache.ts), so no writer names another
 * feature's cache.
 */
export type Change =
  /** A plan's content, title or cycle changed; `removed` when it was deleted. Names its owner's membership. */
  | {
      kind: 'plan';
      planId: string;
      memberId: string;
      removed?: true;
      /**
       * Known to the writing instance only, never sent (see `wireForm`): the one item the write changed, as it
       * now is, when the write changed nothing else the plan shows but its revision number and time (an
       * autosave). The plan's cache puts it into its copy instead of forgetting the plan, so the read a learner
       * makes right after typing is not a rebuild. Other instances forget the plan as for any change.
       */
      itemAfter?: ItemAfter;
    }
  /** Entries of one learner's log (by their membership) were written or deleted. */
  | { kind: 'log'; memberId: string }
  /**
   * Which organisations a person belongs to, in which role, under which names: one person's, or (no userId)
   * anybody's, when an organisation is renamed.
   */
  | { kind: 'memberships'; userId?: string }
  /** A person's sessions were ended, or what a session shows of them (their name) changed. */
  | { kind: 'sessions'; userId: string }
  /**
   * What an organisation's feed shows: a post, a reaction, a comment, a follow, a community's members.
   * `removedPostId` when a post was deleted (other pages that link to it, a programme reflection, forget it).
   */
  | { kind: 'feed'; orgId: string; removedPostId?: string }
  /** A programme's details, weeks, things, schedule or cohorts changed (what "this week" is made from). */
  | { kind: 'programme'; programmeId: string }
  /** One enrolment changed: joined, left, completed, a thing tried or reflected on. Names its participant. */
  | { kind: 'enrolment'; enrolmentId: string; userId: string }
  /** A person's own settings changed (their time zone decides what "today" and "this week" are). */
  | { kind: 'settings'; userId: string };

/**
 * An item of a plan as the API shows it, the list of the plan's view it is in ("goals", say), and the plan's
 * revision number and last change as the same write left them.
 */
export interface ItemAfter {
  list: string;
  item: { id: string; version: number } & Record<string, unknown>;
  plan: { revision: number; updatedAt: string };
}

export type ChangeKind = Change['kind'];
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

const kinds: Record<ChangeKind, readonly string[]> = {
  plan: ['planId', 'memberId'],
  log: ['memberId'],
  memberships: [],
  sessions: ['userId'],
  feed: ['orgId'],
  programme: ['programmeId'],
  enrolment: ['enrolmentId', 'userId'],
  settings: ['userId'],
};

/** A change as other instances are told it (JSON): what only this instance knows (`itemAfter`) left out. */
export function wireForm(change: Change): string {
  return JSON.stringify('itemAfter' in change ? { ...change, itemAfter: undefined } : change);
}

/** A change read back from another instance, if it is one (anything else is ignored, never trusted). */
export function parseChange(value: unknown): Change | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const required = kinds[v.kind as ChangeKind];
  if (!required || !Object.hasOwn(kinds, v.kind as string)) return undefined;
  for (const key of required) if (typeof v[key] !== 'string') return undefined;
  for (const [key, field] of Object.entries(v)) {
    if (key !== 'kind' && key !== 'removed' && typeof field !== 'string') return undefined;
  }
  return v as Change;
}
