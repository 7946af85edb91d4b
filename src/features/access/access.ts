import type { AppContext } from '../../server/context.js';
import { forbidden, notFound, unauthenticated } from '../../server/errors.js';
import { type Action, type KindOf, rules } from './access-rules.js';
import type { Actor } from './actor.js';
import { kinds } from './resource-kinds.js';
import {
  type Facts,
  type Kind,
  type KindOfResource,
  type Loaded,
  loadedRows,
  type Resources,
  type SignedIn,
} from './resources.js';

/** The actor must be signed in; anonymous requests get 401. */
export function requireUser(actor: Actor): SignedIn {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor;
}

/** What the gate hands back: what it found out (the actor's membership, the plan's owner, their shares, ...). */
export type Granted<A extends Action, R> = Facts[KindOf<A>] & Loaded<R>;

/**
 * The one gate every service call goes through first, for organisation and plan rights alike: may `actor` do
 * `action` (a rule in access-rules.ts) with `resource`?
 * - anonymous → 401;
 * - what the actor may not see → 404, exactly as for a record that does not exist (ids leak nothing);
 * - a right they lack → 403.
 * Returns what it looked at, so the service need not load it again. Inside a transaction, pass the
 * transaction's context (`inTransaction`): the gate reads through it (PGlite has one connection).
 */
export async function requireAccess<A extends Action, R extends Resources[KindOf<A>]>(
  ctx: AppContext,
  actor: Actor,
  action: A,
  resource: R,
): Promise<Granted<A, R>> {
  // Typed per kind in the table; here any rule meets its own kind's facts.
  const rule = rules[action] as RuleOfAnyKind;
  // A directory acts only under the directory's own rules; a person never passes them (the kind answers 404).
  const user = (rule.on === 'directory' && actor.kind === 'directory' ? actor : requireUser(actor)) as SignedIn;
  const kind = kinds[rule.on] as KindOfResource<Kind>;
  const facts = await kind.load(ctx, actor, user, resource as never, rule);
  if (rule.sees && !rule.sees(facts)) throw notFound(rule.hidden ?? kind.noun);
  kind.within?.(facts as never, resource as never);
  if (rule.allows && !rule.allows(facts)) throw forbidden(rule.refusal);
  // What the service passed in loaded comes back beside what the gate found out.
  const granted: object = { ...loadedRows(resource), ...facts };
  return granted as Granted<A, R>;
}

/* Methods, not function properties: their parameters are checked loosely, so every kind's rule fits here. */
type RuleOfAnyKind = {
  on: Kind;
  sees?(facts: Facts[Kind]): boolean;
  allows?(facts: Facts[Kind]): boolean;
  refusal?: string;
  hidden?: string;
  shares?: boolean;
  evenSuspended?: boolean;
};
