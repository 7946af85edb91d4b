import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.js';
import { type Ids, type Operation, operationsOf, type Variant, variantsOf } from '../test/bad-input.js';
import { addMember, createOrg } from '../test/factories.js';

/*
 * Every operation of the OpenAPI document, sent malformed requests (src/test/bad-input.ts), signed in as the
 * owner of an organisation and of a plan with one of everything (real ids in the paths), and anonymous:
 * nothing may answer 5xx, and every error has the one shape. `npm test` sends a sample of each operation's
 * variants; `npm run fuzz` (FUZZ=full) sends all of them and prints the counts.
 */

const FULL = process.env.FUZZ === 'full';
/** Variants per operation and person in the sample. */
const SAMPLE = 8;

const t = await createTestApp();

/** An organisation owned by one person with a plan holding one of everything; answers the ids by name. */
async function fixture(): Promise<{ ids: Ids; ownerId: string }> {
  const { org, owner } = await createOrg(t.db);
  const colleague = await addMember(t.db, org);
  const h = { cookie: await t.sessionFor(owner.id) };
  const ok = (method: string, url: string, payload?: object) => t.callOk(method, url, h, payload);
  const plan = await ok('POST', '/api/plans', { organizationId: org.id, cycle: '2027' });
  const p = `/api/plans/${plan.id}`;
  const reflection = await ok('POST', `${p}/reflections`, { what: 'Reading club' });
  const goal = await ok('POST', `${p}/goals`, { what: 'Run a workshop', topics: ['facilitation'] });
  const network = await ok('POST', `${p}/network`, { kind: 'person', name: 'Ada', goalIds: [goal.id] });
  const share = await ok('POST', `${p}/shares`, { goalId: goal.id, how: 'post', cadence: 'monthly' });
  const grant = await ok('POST', `${p}/grants`, {
    memberId: colleague.id,
    scope: 'goal',
    goalId: goal.id,
    access: 'comment',
  });
  const comment = await ok('POST', `${p}/comments`, { targetKind: 'goal', targetId: goal.id, body: 'A note' });
  const evidence = await ok('POST', `${p}/goals/${goal.id}/evidence`, { kind: 'note', title: 'Notes', note: 'x' });
  const checkin = await ok('POST', `${p}/checkins`, { answers: { learned: 'Things' }, progress: [] });
  const entry = await ok('POST', '/api/log', { organizationId: org.id, what: 'Pivot tables' });
  const post = await ok('POST', '/api/posts', { organizationId: org.id, body: 'Learned', visibility: 'organization' });
  const postComment = await ok('POST', `/api/posts/${post.id}/comments`, { body: 'Nice' });
  const community = await ok('POST', '/api/communities', { organizationId: org.id, name: 'Readers', topic: 'reading' });
  const template = await ok('POST', '/api/templates', {
    organizationId: org.id,
    name: 'Starters',
    content: { reflections: [], goals: [], network: [], shares: [] },
  });
  const link = await ok('POST', '/api/portfolio/links', { organizationId: org.id });
  const invitation = await ok('POST', `/api/orgs/${org.id}/invitations`, { email: 'new@example.test' });
  const { revisions } = await ok('GET', `${p}/revisions`);
  return {
    ownerId: owner.id,
    ids: {
      orgId: org.id,
      organizationId: org.id,
      memberId: colleague.id,
      planId: plan.id,
      reflections: reflection.id,
      goals: goal.id,
      goalId: goal.id,
      network: network.id,
      entryId: entry.id,
      shares: share.id,
      grantId: grant.id,
      commentId: comment.id,
      evidenceId: evidence.id,
      checkinId: checkin.id,
      postId: post.id,
      postCommentId: postComment.id,
      communityId: community.id,
      templateId: template.id,
      linkId: link.id,
      invitationId: invitation.id,
      revisionId: revisions[0].id,
      targetId: goal.id,
    },
  };
}

/** Deletions and sign-outs last, so the fixture stays whole for the other operations. */
const destructive = (op: Operation) => op.method === 'DELETE' || op.path.endsWith('/sign-out');

/** SCIM's own error (RFC 7644 §3.12), which the /scim/v2 routes answer with: status as a string, a detail. */
function isScimErrorShape(body: unknown): boolean {
  const error = body as { schemas?: unknown; status?: unknown; detail?: unknown } | null;
  return (
    Array.isArray(error?.schemas) &&
    error.schemas.includes('urn:ietf:params:scim:api:messages:2.0:Error') &&
    typeof error.status === 'string' &&
    typeof error.detail === 'string' &&
    error.detail !== ''
  );
}

function isErrorShape(body: unknown): boolean {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string' || error.message === '') {
    return false;
  }
  if (error.fields === undefined) return true;
  return (
    typeof error.fields === 'object' &&
    error.fields !== null &&
    Object.values(error.fields).every((v) => typeof v === 'string')
  );
}

describe('malformed requests to every operation of the OpenAPI document', () => {
  it(`answer 4xx in the one error shape, never 5xx (${FULL ? 'all variants' : `a sample of ${SAMPLE} per operation`})`, {
    timeout: FULL ? 3_600_000 : 240_000,
  }, async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ops = operationsOf(doc).sort((a, b) => Number(destructive(a)) - Number(destructive(b)));
    const { ids, ownerId } = await fixture();
    const counts = new Map<string, number>();
    const failures: string[] = [];
    let requests = 0;
    let fewest = Number.POSITIVE_INFINITY;

    for (const [index, op] of ops.entries()) {
      // A fresh session per operation: a sign-out or a removal among the variants ends only its own.
      for (const cookie of [await t.sessionFor(ownerId), undefined]) {
        const all = variantsOf(op, ids, cookie);
        fewest = Math.min(fewest, all.length);
        const step = Math.ceil(all.length / SAMPLE);
        const chosen: Variant[] = FULL ? all : all.filter((_, i) => (i + index) % step === 0);
        for (const variant of chosen) {
          requests++;
          const res = await t.app.inject(variant.request);
          const who = cookie ? 'owner' : 'anonymous';
          const where = `${op.method} ${op.path} [${variant.what}, ${who}]`;
          let body: unknown = null;
          try {
            body = res.body ? JSON.parse(res.body) : null;
          } catch {
            body = res.body;
          }
          if (res.statusCode >= 500) failures.push(`${res.statusCode} ${where}: ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400 && res.statusCode !== 304) {
            const shaped = op.path.startsWith('/scim/') ? isScimErrorShape(body) : isErrorShape(body);
            if (!shaped) failures.push(`shape ${res.statusCode} ${where}: ${res.body.slice(0, 200)}`);
            const code = (body as { error?: { code?: string } } | null)?.error?.code;
            const key = `${res.statusCode} ${code}`;
            counts.set(key, (counts.get(key) ?? 0) + 1);
          } else {
            counts.set(`${res.statusCode}`, (counts.get(`${res.statusCode}`) ?? 0) + 1);
          }
        }
      }
    }
    const summary = [...counts.entries()].sort().map(([k, n]) => `${k}: ${n}`);
    console.info(
      `bad input: ${ops.length} operations, ${requests} requests, at least ${fewest} variants per operation; ` +
        `${failures.length} failures\n  ${summary.join('\n  ')}`,
    );
    expect(fewest).toBeGreaterThanOrEqual(30);
    expect(failures.slice(0, 30)).toEqual([]);
  });
});
