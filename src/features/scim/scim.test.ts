import { describe, expect, it } from 'vitest';
import { createTestApp, type Json } from '../../test/app.js';
import { addMember, createOrg, createPlan } from '../../test/factories.js';

/*
 * SCIM as Okta and Entra ID speak it (their documented request shapes), against the real routes: tokens, users
 * and groups, filters, paging, PATCH, ETags, errors in SCIM's shape, suspension (the gate refuses the member at
 * once, their own export still works, they are told), removal, the group mapping and the audit log.
 */

const t = await createTestApp();
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** An organisation with its owner signed in and a SCIM token; `scim` calls /scim/v2 with it. */
async function directory() {
  const { org, owner } = await createOrg(t.db);
  const cookie = await t.sessionFor(owner.id);
  const made = await t.callOk('POST', `/api/orgs/${org.id}/scim/tokens`, { cookie }, { name: 'Entra ID' });
  const auth = { authorization: `Bearer ${made.secret}`, 'content-type': 'application/scim+json' };
  async function scim(method: string, url: string, body?: object, headers: Record<string, string> = {}) {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/scim/v2${url}`,
      headers: { ...auth, ...headers },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Json, headers: res.headers };
  }
  return { org, owner, cookie, token: made as Json, scim };
}

type Directory = Awaited<ReturnType<typeof directory>>;

const oktaUser = (email: string) => ({
  schemas: [USER],
  userName: email,
  name: { givenName: 'Isabelle', familyName: 'Carter' },
  emails: [{ primary: true, value: email, type: 'work' }],
  displayName: 'Isabelle Carter',
  locale: 'en-GB',
  externalId: `00u${unique()}`,
  groups: [],
  password: 'not-kept-1',
  active: true,
});

const entraUser = (upn: string) => ({
  schemas: [USER, ENTERPRISE],
  externalId: `ext-${unique()}`,
  userName: upn,
  active: true,
  displayName: 'Alex Wilber',
  emails: [{ primary: true, type: 'work', value: upn }],
  meta: { resourceType: 'User' },
  name: { formatted: 'Alex Wilber', familyName: 'Wilber', givenName: 'Alex' },
  title: 'Analyst',
  [ENTERPRISE]: { department: 'Finance', manager: { value: 'm-1' } },
});

const patch = (...Operations: object[]) => ({ schemas: [PATCH_OP], Operations });

/** The organisation's members as its owner sees them. */
async function membersOf(d: Directory) {
  return (await t.callOk('GET', `/api/orgs/${d.org.id}/members?limit=100`, { cookie: d.cookie })).members as Json[];
}

async function auditActions(d: Directory) {
  const log = await t.callOk('GET', `/api/orgs/${d.org.id}/audit`, { cookie: d.cookie });
  return (log.events as Json[]).map((e) => e.action);
}

describe('SCIM tokens', () => {
  it('are made by owners, shown once, listed with their last use, and refused once revoked', async () => {
    const d = await directory();
    expect(d.token.secret).toMatch(/^wms_/);
    expect((await d.scim('GET', '/Users')).status).toBe(200);
    const settings = await t.callOk('GET', `/api/orgs/${d.org.id}/scim`, { cookie: d.cookie });
    expect(settings.baseUrl).toBe('http://localhost:3000/scim/v2');
    expect(JSON.stringify(settings)).not.toContain(d.token.secret);
    expect(settings.tokens[0].lastUsedAt).toEqual(expect.any(String));

    await t.callOk('DELETE', `/api/orgs/${d.org.id}/scim/tokens/${d.token.token.id}`, { cookie: d.cookie });
    const refused = await d.scim('GET', '/Users');
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ schemas: [ERROR], status: '401' });
    expect(refused.headers['www-authenticate']).toContain('Bearer');
    expect(await auditActions(d)).toEqual(expect.arrayContaining(['scim.token_created', 'scim.token_revoked']));
  });

  it('are the owners’ alone: an L&D admin is refused, and neither an API token nor a session opens SCIM', async () => {
    const d = await directory();
    const admin = await addMember(t.db, d.org, { role: 'admin' });
    const adminCookie = await t.sessionFor(admin.user.id);
    const res = await t.call('POST', `/api/orgs/${d.org.id}/scim/tokens`, { cookie: adminCookie }, { name: 'x' });
    expect(res.status).toBe(403);
    const api = await t.callOk(
      'POST',
      `/api/orgs/${d.org.id}/tokens`,
      { cookie: d.cookie },
      { name: 'HR', scopes: ['members:read'], expiresInDays: 1 },
    );
    const withApiToken = await t.app.inject({
      method: 'GET',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${api.secret}` },
    });
    // API tokens are refused on every route no scope opens, in SCIM's shape here.
    expect(withApiToken.statusCode).toBe(403);
    expect(withApiToken.json()).toMatchObject({ schemas: [ERROR], status: '403' });
    const withSession = await t.app.inject({ method: 'GET', url: '/scim/v2/Users', headers: { cookie: d.cookie } });
    expect(withSession.statusCode).toBe(401);
  });

  it('see only their own organisation: another organisation’s user answers 404', async () => {
    const a = await directory();
    const b = await directory();
    const made = await a.scim('POST', '/Users', oktaUser(`only-${unique()}@example.test`));
    const fromB = await b.scim('GET', `/Users/${made.body.id}`);
    expect(fromB.status, JSON.stringify(fromB.body)).toBe(404);
    expect(fromB.body).toMatchObject({ schemas: [ERROR], status: '404' });
    expect((await b.scim('DELETE', `/Users/${made.body.id}`)).status).toBe(404);
    expect((await b.scim('GET', '/Users')).body.totalResults).toBe(0);
  });
});

describe('Okta’s requests', () => {
  it('provisions, updates, deactivates, reactivates and deletes a person', async () => {
    const d = await directory();
    const email = `isabelle-${unique()}@example.test`;
    const lookup = await d.scim(
      'GET',
      `/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}&startIndex=1&count=100`,
    );
    expect(lookup.body).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await d.scim('POST', '/Users', oktaUser(email));
    expect(created.status).toBe(201);
    expect(created.headers['content-type']).toContain('application/scim+json');
    expect(created.headers.etag).toBe('W/"1"');
    expect(created.body).toMatchObject({ userName: email, active: true, meta: { resourceType: 'User' } });
    expect(JSON.stringify(created.body)).not.toContain('not-kept-1');
    const member = (await membersOf(d)).find((m) => m.email === email);
    expect(member).toMatchObject({ name: 'Isabelle Carter', role: 'member' });
    // They are told where to sign in, once.
    const welcome = t.mailer.sent.filter((m) => m.to === email);
    expect(welcome).toHaveLength(1);
    expect(welcome[0]?.subject).toBe(`You have been added to ${d.org.name} on Waymark`);
    expect(welcome[0]?.text).toContain('/sign-in');

    const found = await d.scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${email.toUpperCase()}"`)}`);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(created.body.id);

    const replaced = await d.scim('PUT', `/Users/${created.body.id}`, {
      ...oktaUser(email),
      id: created.body.id,
      name: { givenName: 'Isabelle', familyName: 'Carter-Lee' },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.name.familyName).toBe('Carter-Lee');

    const person = await addMember(t.db, d.org);
    expect(person).toBeDefined();
    const deactivated = await d.scim(
      'PATCH',
      `/Users/${created.body.id}`,
      patch({ op: 'replace', value: { active: false } }),
    );
    expect(deactivated.status).toBe(204);
    expect((await d.scim('GET', `/Users/${created.body.id}`)).body.active).toBe(false);
    const reactivated = await d.scim(
      'PATCH',
      `/Users/${created.body.id}`,
      patch({ op: 'replace', value: { active: true } }),
    );
    expect(reactivated.status, JSON.stringify(reactivated.body)).toBe(204);

    expect((await d.scim('DELETE', `/Users/${created.body.id}`)).status).toBe(204);
    expect((await d.scim('GET', `/Users/${created.body.id}`)).status).toBe(404);
    expect((await membersOf(d)).some((m) => m.email === email)).toBe(false);
    expect(await auditActions(d)).toEqual(
      expect.arrayContaining([
        'scim.user_provisioned',
        'scim.user_updated',
        'scim.user_suspended',
        'scim.user_reactivated',
        'scim.user_removed',
      ]),
    );
  });

  it('pushes a group and its members: the members’ department follows the group', async () => {
    const d = await directory();
    const a = await d.scim('POST', '/Users', oktaUser(`grp-a-${unique()}@example.test`));
    const b = await d.scim('POST', '/Users', oktaUser(`grp-b-${unique()}@example.test`));
    const group = await d.scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Finance', members: [] });
    expect(group.status).toBe(201);
    const added = await d.scim(
      'PATCH',
      `/Groups/${group.body.id}`,
      patch({
        op: 'add',
        path: 'members',
        value: [
          { value: a.body.id, display: 'a' },
          { value: b.body.id, display: 'b' },
        ],
      }),
    );
    expect(added.status, JSON.stringify(added.body)).toBe(204);
    const departments = async () =>
      Object.fromEntries((await membersOf(d)).map((m) => [m.email, m.department ?? null])) as Record<string, string>;
    expect((await departments())[a.body.userName]).toBe('Finance');

    await d.scim(
      'PATCH',
      `/Groups/${group.body.id}`,
      patch({ op: 'remove', path: `members[value eq "${a.body.id}"]` }),
    );
    await d.scim(
      'PATCH',
      `/Groups/${group.body.id}`,
      patch({ op: 'replace', path: 'displayName', value: 'Finance EU' }),
    );
    const read = await d.scim('GET', `/Groups/${group.body.id}`);
    expect(read.body.members.map((m: Json) => m.value)).toEqual([b.body.id]);
    expect(read.body.displayName).toBe('Finance EU');
    const now = await departments();
    expect(now[a.body.userName]).toBeNull();
    expect(now[b.body.userName]).toBe('Finance EU');
    const user = await d.scim('GET', `/Users/${b.body.id}`);
    expect(user.body.groups).toEqual([expect.objectContaining({ value: group.body.id, display: 'Finance EU' })]);
    expect((await d.scim('DELETE', `/Groups/${group.body.id}`)).status).toBe(204);
    expect((await departments())[b.body.userName]).toBeNull();
    expect(await auditActions(d)).toEqual(
      expect.arrayContaining(['scim.group_created', 'scim.group_updated', 'scim.group_removed']),
    );
  });
});

describe('Entra ID’s requests', () => {
  it('matches by filter, creates with the enterprise extension, and PATCHes as Entra does', async () => {
    const d = await directory();
    const upn = `alex-${unique()}@contoso.test`;
    const body = entraUser(upn);
    const none = await d.scim('GET', `/Users?filter=${encodeURIComponent(`externalId eq "${body.externalId}"`)}`);
    expect(none.body.totalResults).toBe(0);
    const created = await d.scim('POST', '/Users', body);
    expect(created.status).toBe(201);
    expect(created.body.schemas).toEqual([USER, ENTERPRISE]);
    expect(created.body[ENTERPRISE]).toEqual({ department: 'Finance', manager: { value: 'm-1' } });
    const id = created.body.id;
    const byExternal = await d.scim('GET', `/Users?filter=${encodeURIComponent(`externalId eq "${body.externalId}"`)}`);
    expect(byExternal.body.Resources.map((r: Json) => r.id)).toEqual([id]);
    const byWorkEmail = await d.scim(
      'GET',
      `/Users?filter=${encodeURIComponent(`emails[type eq "work" and value eq "${upn.toUpperCase()}"]`)}`,
    );
    expect(byWorkEmail.body.totalResults).toBe(1);
    expect((await membersOf(d)).find((m) => m.email === upn)).toMatchObject({
      department: 'Finance',
      title: 'Analyst',
    });

    const patched = await d.scim(
      'PATCH',
      `/Users/${id}`,
      patch(
        { op: 'Replace', path: 'displayName', value: 'Alex W.' },
        { op: 'Add', path: 'name.givenName', value: 'Alexander' },
        { op: 'Add', path: 'emails[type eq "work"].value', value: `alex.w-${unique()}@contoso.test` },
        { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+44 7700 900123' },
        { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Sales' },
        { op: 'Replace', path: `${ENTERPRISE}:manager`, value: 'm-2' },
        { op: 'Remove', path: 'title' },
      ),
    );
    expect(patched.status, JSON.stringify(patched.body)).toBe(204);
    expect(patched.headers.etag).toBe('W/"2"');
    const read = await d.scim('GET', `/Users/${id}`);
    expect(read.body).toMatchObject({
      displayName: 'Alex W.',
      name: { givenName: 'Alexander', familyName: 'Wilber' },
      phoneNumbers: [{ type: 'mobile', value: '+44 7700 900123' }],
      [ENTERPRISE]: { department: 'Sales', manager: { value: 'm-2' } },
    });
    expect(read.body.emails).toHaveLength(1);
    expect(read.body.title).toBeUndefined();
    expect((await membersOf(d)).find((m) => m.email === upn)?.department).toBe('Sales');

    // Entra sends booleans as strings ("False").
    const off = await d.scim('PATCH', `/Users/${id}`, patch({ op: 'Replace', path: 'active', value: 'False' }));
    expect(off.status).toBe(204);
    expect((await d.scim('GET', `/Users/${id}`)).body.active).toBe(false);
  });

  it('adds and removes group members by value lists, and reads groups without their members', async () => {
    const d = await directory();
    const u = await d.scim('POST', '/Users', entraUser(`grp-${unique()}@contoso.test`));
    const g = await d.scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Sales', externalId: 'g-1' });
    await d.scim('PATCH', `/Groups/${g.body.id}`, patch({ op: 'Add', path: 'members', value: [{ value: u.body.id }] }));
    const filtered = await d.scim(
      'GET',
      `/Groups?filter=${encodeURIComponent('displayName eq "sales"')}&excludedAttributes=members`,
    );
    expect(filtered.body.totalResults).toBe(1);
    expect(filtered.body.Resources[0].members).toBeUndefined();
    expect((await d.scim('GET', `/Groups/${g.body.id}`)).body.members).toHaveLength(1);
    await d.scim(
      'PATCH',
      `/Groups/${g.body.id}`,
      patch({ op: 'Remove', path: 'members', value: [{ value: u.body.id }] }),
    );
    expect((await d.scim('GET', `/Groups/${g.body.id}`)).body.members).toEqual([]);
  });
});

describe('suspension by the directory', () => {
  it('refuses the member in the organisation at once, keeps their plans exportable and tells them', async () => {
    const d = await directory();
    const email = `learner-${unique()}@example.test`;
    const learner = await addMember(t.db, d.org, { email, name: 'Lea Learner' });
    const plan = await createPlan(t.db, learner, { title: 'My plan' });
    const cookie = await t.sessionFor(learner.user.id);
    expect((await t.call('GET', `/api/orgs/${d.org.id}`, { cookie })).status).toBe(200);

    // The directory takes over the existing member (same address) and suspends them; nobody mails them a welcome.
    const created = await d.scim('POST', '/Users', { ...oktaUser(email), displayName: 'Lea Learner' });
    expect((await membersOf(d)).filter((m) => m.email === email)).toHaveLength(1);
    expect(t.mailer.sent.filter((m) => m.to === email)).toEqual([]);
    await d.scim('PATCH', `/Users/${created.body.id}`, patch({ op: 'replace', path: 'active', value: false }));

    expect((await t.call('GET', `/api/orgs/${d.org.id}`, { cookie })).status).toBe(404);
    expect((await t.call('GET', `/api/plans/${plan.id}`, { cookie })).status).toBe(404);
    // The owner's member list shows them suspended, and by whom; another learner's list leaves them out.
    expect((await membersOf(d)).find((m) => m.email === email)?.suspended).toEqual({
      at: expect.any(String),
      by: "the organisation's directory",
    });
    const colleague = await addMember(t.db, d.org, { email: `colleague-${unique()}@example.test`, name: 'Cal' });
    const theirs = await t.callOk('GET', `/api/orgs/${d.org.id}/members`, {
      cookie: await t.sessionFor(colleague.user.id),
    });
    expect(theirs.members.map((m: Json) => m.email)).not.toContain(email);
    const exported = await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/export`, headers: { cookie } });
    expect(exported.statusCode).toBe(200);
    const me = await t.callOk('GET', '/api/me', { cookie });
    expect(me.memberships.some((m: Json) => m.organizationId === d.org.id)).toBe(false);
    expect(me.suspended).toEqual([
      expect.objectContaining({
        organizationId: d.org.id,
        suspendedBy: "the organisation's directory",
        plans: [expect.objectContaining({ id: plan.id, title: 'My plan' })],
      }),
    ]);

    await d.scim('PATCH', `/Users/${created.body.id}`, patch({ op: 'replace', path: 'active', value: true }));
    expect((await t.call('GET', `/api/orgs/${d.org.id}`, { cookie })).status).toBe(200);
    expect((await t.callOk('GET', '/api/me', { cookie })).suspended).toEqual([]);
  });
});

describe('group mapping to roles', () => {
  it('makes members of the named group L&D admins and never touches an owner', async () => {
    const d = await directory();
    await t.callOk(
      'PUT',
      `/api/orgs/${d.org.id}/scim/mapping`,
      { cookie: d.cookie },
      { groupMapping: 'roles', adminGroup: 'Waymark admins' },
    );
    const u = await d.scim('POST', '/Users', oktaUser(`role-${unique()}@example.test`));
    const owner = await d.scim('POST', '/Users', oktaUser(d.owner.email));
    const g = await d.scim('POST', '/Groups', {
      schemas: [GROUP],
      displayName: 'waymark ADMINS',
      members: [{ value: u.body.id }, { value: owner.body.id }],
    });
    const roles = async () => Object.fromEntries((await membersOf(d)).map((m) => [m.email, m.role]));
    expect(await roles()).toMatchObject({ [u.body.userName]: 'admin', [d.owner.email]: 'owner' });
    await d.scim('PATCH', `/Groups/${g.body.id}`, patch({ op: 'remove', path: 'members' }));
    expect(await roles()).toMatchObject({ [u.body.userName]: 'member', [d.owner.email]: 'owner' });
    const bad = await t.call(
      'PUT',
      `/api/orgs/${d.org.id}/scim/mapping`,
      { cookie: d.cookie },
      { groupMapping: 'roles', adminGroup: null },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.adminGroup).toEqual(expect.any(String));
  });
});

describe('changing the group mapping', () => {
  it('applies the new mapping to everyone provisioned at once, from the groups the directory last sent', async () => {
    const d = await directory();
    const a = await d.scim('POST', '/Users', oktaUser(`map-a-${unique()}@example.test`));
    const b = await d.scim('POST', '/Users', oktaUser(`map-b-${unique()}@example.test`));
    await d.scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Nursing', members: [{ value: a.body.id }] });
    await d.scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Leads', members: [{ value: b.body.id }] });
    const fields = async () =>
      Object.fromEntries(
        (await membersOf(d)).map((m) => [m.email, { department: m.department, team: m.team, role: m.role }]),
      );
    // Departments is the default: the groups set departments.
    expect(await fields()).toMatchObject({
      [a.body.userName]: { department: 'Nursing', team: null },
      [b.body.userName]: { department: 'Leads', team: null },
    });

    const teams = await t.callOk(
      'PUT',
      `/api/orgs/${d.org.id}/scim/mapping`,
      { cookie: d.cookie },
      { groupMapping: 'teams', adminGroup: null },
    );
    expect(teams.membersChanged).toBe(2);
    expect(await fields()).toMatchObject({
      [a.body.userName]: { team: 'Nursing' },
      [b.body.userName]: { team: 'Leads' },
    });

    const roles = await t.callOk(
      'PUT',
      `/api/orgs/${d.org.id}/scim/mapping`,
      { cookie: d.cookie },
      { groupMapping: 'roles', adminGroup: 'leads' },
    );
    expect(roles.membersChanged).toBe(1);
    expect(await fields()).toMatchObject({
      [a.body.userName]: { role: 'member' },
      [b.body.userName]: { role: 'admin' },
    });
    const again = await t.callOk(
      'PUT',
      `/api/orgs/${d.org.id}/scim/mapping`,
      { cookie: d.cookie },
      { groupMapping: 'roles', adminGroup: 'leads' },
    );
    expect(again.membersChanged).toBe(0);
    expect(await auditActions(d)).toEqual(expect.arrayContaining(['scim.mapping_changed', 'member.role_changed']));
  });
});

describe('SCIM’s protocol rules', () => {
  it('pages, filters with the full grammar and cuts attributes', async () => {
    const d = await directory();
    for (const n of [1, 2, 3]) {
      await d.scim('POST', '/Users', { ...oktaUser(`page${n}-${unique()}@example.test`), displayName: `Page ${n}` });
    }
    const page = await d.scim('GET', '/Users?startIndex=2&count=1&attributes=userName');
    expect(page.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
    expect(Object.keys(page.body.Resources[0]).sort()).toEqual(['id', 'meta', 'schemas', 'userName']);
    const filter = 'not (displayName eq "Page 2") and (userName sw "PAGE" or meta.created gt "2000-01-01T00:00:00Z")';
    const found = await d.scim('GET', `/Users?filter=${encodeURIComponent(filter)}`);
    expect(found.body.Resources.map((r: Json) => r.displayName).sort()).toEqual(['Page 1', 'Page 3']);
    const count0 = await d.scim('GET', '/Users?count=0');
    expect(count0.body).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
  });

  it('answers mistakes in SCIM’s error shape with the right scimType', async () => {
    const d = await directory();
    const email = `err-${unique()}@example.test`;
    const created = await d.scim('POST', '/Users', oktaUser(email));
    const cases: [string, Promise<{ status: number; body: Json }>, number, string | undefined][] = [
      ['bad filter', d.scim('GET', `/Users?filter=${encodeURIComponent('userName zz "x"')}`), 400, 'invalidFilter'],
      ['duplicate', d.scim('POST', '/Users', oktaUser(email.toUpperCase())), 409, 'uniqueness'],
      ['no userName', d.scim('POST', '/Users', { schemas: [USER], active: true }), 400, 'invalidValue'],
      [
        'bad boolean',
        d.scim('POST', '/Users', { ...oktaUser(`b-${unique()}@x.test`), active: 'yes' }),
        400,
        'invalidValue',
      ],
      [
        'bad path',
        d.scim('PATCH', `/Users/${created.body.id}`, patch({ op: 'replace', path: 'nope', value: 1 })),
        400,
        'invalidPath',
      ],
      ['remove without path', d.scim('PATCH', `/Users/${created.body.id}`, patch({ op: 'remove' })), 400, 'noTarget'],
      [
        'read-only',
        d.scim('PATCH', `/Users/${created.body.id}`, patch({ op: 'replace', path: 'id', value: 'x' })),
        400,
        'mutability',
      ],
      ['missing', d.scim('GET', '/Users/00000000-0000-0000-0000-000000000000'), 404, undefined],
    ];
    for (const [what, pending, status, scimType] of cases) {
      const res = await pending;
      expect(res.status, what).toBe(status);
      expect(res.body, what).toMatchObject({ schemas: [ERROR], status: String(status), detail: expect.any(String) });
      expect(res.body.scimType, what).toBe(scimType);
    }
    const junk = await t.app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${d.token.secret}`, 'content-type': 'application/scim+json' },
      payload: '{"userName": tre',
    });
    expect(junk.statusCode).toBe(400);
    expect(junk.json()).toMatchObject({ schemas: [ERROR], status: '400', scimType: 'invalidSyntax' });
  });

  it('honours ETags: If-None-Match answers 304, a stale If-Match 412', async () => {
    const d = await directory();
    const created = await d.scim('POST', '/Users', oktaUser(`etag-${unique()}@example.test`));
    const url = `/Users/${created.body.id}`;
    expect((await d.scim('GET', url, undefined, { 'if-none-match': 'W/"1"' })).status).toBe(304);
    const ok = await d.scim('PATCH', url, patch({ op: 'replace', path: 'displayName', value: 'x' }), {
      'if-match': 'W/"1"',
    });
    expect(ok.status).toBe(204);
    const stale = await d.scim('PATCH', url, patch({ op: 'replace', path: 'displayName', value: 'y' }), {
      'if-match': 'W/"1"',
    });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ schemas: [ERROR], status: '412' });
    expect((await d.scim('GET', url)).body.displayName).toBe('x');
  });

  it('describes itself: ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const d = await directory();
    const config = await d.scim('GET', '/ServiceProviderConfig');
    expect(config.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true },
      etag: { supported: true },
    });
    const types = await d.scim('GET', '/ResourceTypes');
    expect(types.body.Resources.map((r: Json) => r.endpoint)).toEqual(['/Users', '/Groups']);
    const schemas = await d.scim('GET', '/Schemas');
    expect(schemas.body.Resources.map((s: Json) => s.id)).toEqual([USER, ENTERPRISE, GROUP]);
    expect((await d.scim('GET', `/Schemas/${USER}`)).body.attributes[0].name).toBe('userName');
    // The spelling Microsoft's reference client uses.
    expect((await d.scim('GET', '/users')).status).toBe(200);
  });
});
