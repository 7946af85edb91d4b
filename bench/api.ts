/** The bench's own calls to the API before measuring: one signed-in person with an organisation. */
export interface BenchSession {
  appUrl: string;
  /** The Cookie header of the signed-in person. */
  cookie: string;
  organizationId: string;
  /** The person's membership of that organisation. */
  memberId: string;
}

/** Calls the API as the signed-in person; anything but the expected status is an error. */
export async function call<T>(
  session: BenchSession,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
  expected = method === 'POST' ? 201 : 200,
): Promise<T> {
  const res = await fetch(`${session.appUrl}${path}`, {
    method,
    headers: { cookie: session.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== expected) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** The session cookies a sign-up or sign-in answer sets, as one Cookie header. */
function sessionCookie(res: Response): string {
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .filter((c) => !c.endsWith('='))
    .join('; ');
  if (!cookie.includes('session_token=')) throw new Error(`no session cookie was set: ${cookie}`);
  return cookie;
}

/** Signs an existing person in (the insights bench's L&D admin) and finds their membership of `organizationId`. */
export async function signInAs(
  appUrl: string,
  email: string,
  password: string,
  organizationId: string,
): Promise<BenchSession> {
  const res = await fetch(`${appUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} answered ${res.status}: ${await res.text()}`);
  const session = { appUrl, cookie: sessionCookie(res), organizationId, memberId: '' };
  const me = await call<{ memberships?: { organizationId: string; memberId: string }[] }>(session, 'GET', '/api/me');
  const membership = me.memberships?.find((m) => m.organizationId === organizationId);
  if (!membership) throw new Error(`${email} is not a member of ${organizationId}: ${JSON.stringify(me)}`);
  return { ...session, memberId: membership.memberId };
}

/** Signs a new person up and gives them an organisation, as the web app's first run does. */
export async function signIn(appUrl: string): Promise<BenchSession> {
  const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const signUp = await fetch(`${appUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench Person', email, password: 'bench-password-1234' }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up answered ${signUp.status}: ${await signUp.text()}`);
  const cookie = sessionCookie(signUp);

  const session = { appUrl, cookie, organizationId: '', memberId: '' };
  const org = await call<{ id: string }>(session, 'POST', '/api/orgs', { name: 'Bench Organisation' });

  // The load test only counts status codes: check once that the answer really is the signed-in person.
  const me = await call<{ user?: { email?: string }; memberships?: { organizationId: string; memberId: string }[] }>(
    session,
    'GET',
    '/api/me',
  );
  if (me.user?.email !== email || me.memberships?.length !== 1 || me.memberships[0]?.organizationId !== org.id) {
    throw new Error(`GET /api/me answered ${JSON.stringify(me)}`);
  }
  return { ...session, organizationId: org.id, memberId: me.memberships[0].memberId };
}
