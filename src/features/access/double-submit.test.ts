import { describe, expect, it } from 'vitest';
import { type ActorKind, createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { routeRows } from '../../test/route-rows.js';

/*
 * Double clicks and retries: every route that changes something, sent six times at once by a person it
 * succeeds for. Whatever the rules make of the copies (the same answer, or 409 for a duplicate), none may
 * answer 5xx, and every refusal is in the one error shape. On PostgreSQL the six really run side by side.
 */

const COPIES = 6;
const preferred: ActorKind[] = ['self', 'owner', 'admin', 'supervisor', 'otherMember', 'outsider', 'anonymous'];

const t = await createTestApp({ mailer: 'outbox' });

const writes = routeRows.filter((r) => !r.route.startsWith('GET '));

describe('the same write sent six times at once', () => {
  it.each(writes.map((r) => [r.route, r] as const))('%s', async (_route, row) => {
    const kind = preferred.find((k) => row.expect[k] >= 200 && row.expect[k] < 300);
    if (!kind) return; // no actor succeeds: nothing to repeat (e.g. a reset with a made-up token)
    const cast = await createCast(t);
    const req = await row.request(cast, t);
    const answers = await Promise.all(
      Array.from({ length: COPIES }, () => t.app.inject({ ...req, headers: { ...req.headers, ...cast.as(kind) } })),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(
      statuses.filter((s) => s >= 500),
      `${statuses.join(' ')}: ${answers.map((a) => a.body).join('\n')}`,
    ).toEqual([]);
    expect(
      statuses.some((s) => s < 300),
      statuses.join(' '),
    ).toBe(true);
    for (const a of answers) if (a.statusCode >= 400) expect(a.json().error.code, a.body).toEqual(expect.any(String));
  });
});
