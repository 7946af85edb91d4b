import { randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { goal, logEntry } from '../db/schema/index.js';

/*
 * Acknowledged writes under load, for fault tests: quick captures and autosaves sent over HTTP to a running
 * Waymark, each answer recorded in a ledger. Whatever the server answered 201 or 200 must be in the database
 * afterwards, however the server or its database went away in between.
 */

interface Goal {
  planId: string;
  goalId: string;
  version: number;
}

export interface Writer {
  cookie: string;
  organizationId: string;
  goals: Goal[];
}

export interface Ledger {
  /** Captures answered 201: entry id → its text. */
  captures: Map<string, string>;
  /** The last autosave answered 200 per goal. */
  saves: Map<string, { version: number; what: string }>;
  acknowledged: { captures: number; autosaves: number };
  /** Answers by status; `network` for a request that got no answer (refused, reset). */
  statuses: Record<string, number>;
  /** 503s not in the one error shape with Retry-After. */
  badUnavailable: number;
  /** When each acknowledged write was answered. */
  okAt: number[];
}

export const newLedger = (): Ledger => ({
  captures: new Map(),
  saves: new Map(),
  acknowledged: { captures: 0, autosaves: 0 },
  statuses: {},
  badUnavailable: 0,
  okAt: [],
});

export const acknowledgedCount = (ledger: Ledger) => ledger.acknowledged.captures + ledger.acknowledged.autosaves;

async function call(base: string, cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
  return { res, json: (await res.json().catch(() => ({}))) as any };
}

/** Signs a new learner up with an organisation and `goals` plans of one goal each (one per autosave worker). */
export async function prepareWriter(base: string, goals: number): Promise<Writer> {
  const email = `fault-${randomBytes(6).toString('hex')}@example.com`;
  const signUp = await fetch(`${base}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Fault Learner', email, password: `Fault-${randomBytes(9).toString('base64url')}` }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up answered ${signUp.status}: ${await signUp.text()}`);
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .filter((c) => !c.endsWith('='))
    .join('; ');
  const org = await call(base, cookie, 'POST', '/api/orgs', { name: 'Fault Organisation' });
  if (org.res.status !== 201) throw new Error(`creating the organisation answered ${org.res.status}`);
  const writer: Writer = { cookie, organizationId: org.json.id, goals: [] };
  for (let i = 0; i < goals; i++) {
    const plan = await call(base, cookie, 'POST', '/api/plans', {
      organizationId: writer.organizationId,
      cycle: '2027',
      title: `Fault plan ${i + 1}`,
    });
    const item = await call(base, cookie, 'POST', `/api/plans/${plan.json.id}/goals`, { what: `Goal ${i + 1}` });
    if (item.res.status !== 201) throw new Error(`creating a goal answered ${item.res.status}`);
    writer.goals.push({ planId: plan.json.id, goalId: item.json.id, version: item.json.version });
  }
  return writer;
}

function record(ledger: Ledger, status: number | 'network', res?: Response, json?: { error?: { code?: string } }) {
  ledger.statuses[status] = (ledger.statuses[status] ?? 0) + 1;
  if (status === 503 && (json?.error?.code !== 'unavailable' || !res?.headers.get('retry-after'))) {
    ledger.badUnavailable++;
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends captures (`captureWorkers` at once) and autosaves (one worker per goal) to `base()` until `done()`.
 * A request without an answer, or a 503, is tried again shortly after; a 409 after an unanswered autosave
 * (it was saved, its answer lost) takes the current version and goes on.
 */
export async function writeUnderLoad(
  base: () => string,
  writer: Writer,
  ledger: Ledger,
  options: { captureWorkers: number; done: () => boolean },
): Promise<void> {
  let seq = 0;
  const capture = async () => {
    while (!options.done()) {
      const what = `Captured ${seq++} ${randomBytes(3).toString('hex')}`;
      try {
        const { res, json } = await call(base(), writer.cookie, 'POST', '/api/log', {
          organizationId: writer.organizationId,
          what,
          form: 'peer_to_peer',
          source: 'fault test',
        });
        record(ledger, res.status, res, json);
        if (res.status === 201) {
          ledger.captures.set(json.id, what);
          ledger.acknowledged.captures++;
          ledger.okAt.push(Date.now());
        } else await pause(100);
      } catch {
        record(ledger, 'network');
        await pause(100);
      }
    }
  };
  const autosave = async (g: Goal) => {
    let typed = 0;
    while (!options.done()) {
      const what = `Typed ${typed++} ${randomBytes(3).toString('hex')}`;
      try {
        const { res, json } = await call(base(), writer.cookie, 'PATCH', `/api/plans/${g.planId}/goals/${g.goalId}`, {
          what,
          version: g.version,
        });
        record(ledger, res.status, res, json);
        if (res.status === 200) {
          g.version = json.version;
          ledger.saves.set(g.goalId, { version: json.version, what });
          ledger.acknowledged.autosaves++;
          ledger.okAt.push(Date.now());
        } else if (res.status === 409 && json.error?.current) {
          g.version = json.error.current.version;
        } else await pause(100);
      } catch {
        record(ledger, 'network');
        await pause(100);
      }
    }
  };
  await Promise.all([
    ...Array.from({ length: options.captureWorkers }, capture),
    ...writer.goals.map((g) => autosave(g)),
  ]);
}

/** Acknowledged writes missing from the database (or older there than acknowledged). */
export async function lostWrites(db: Database, ledger: Ledger): Promise<string[]> {
  const lost: string[] = [];
  const captureIds = [...ledger.captures.keys()];
  const stored = new Map<string, string>();
  for (let i = 0; i < captureIds.length; i += 1000) {
    const rows = await db
      .select({ id: logEntry.id, what: logEntry.what })
      .from(logEntry)
      .where(inArray(logEntry.id, captureIds.slice(i, i + 1000)));
    for (const row of rows) stored.set(row.id, row.what);
  }
  for (const [id, what] of ledger.captures) if (stored.get(id) !== what) lost.push(`capture ${id} "${what}"`);
  const goalIds = [...ledger.saves.keys()];
  if (goalIds.length > 0) {
    const rows = await db
      .select({ id: goal.id, version: goal.version, what: goal.what })
      .from(goal)
      .where(inArray(goal.id, goalIds));
    const goals = new Map(rows.map((r) => [r.id, r]));
    for (const [id, saved] of ledger.saves) {
      const row = goals.get(id);
      // A later write may have been saved without its answer arriving: newer is fine, older is a loss.
      const kept = row && (row.version > saved.version || (row.version === saved.version && row.what === saved.what));
      if (!kept)
        lost.push(`autosave of ${id} v${saved.version} "${saved.what}" (stored v${row?.version} "${row?.what}")`);
    }
  }
  return lost;
}
