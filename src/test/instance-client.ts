import { randomBytes } from 'node:crypto';
import type { SmtpInbox } from './smtp-inbox.js';

/*
 * HTTP as a browser on Waymark's own pages sends it, to one chosen instance or to the balancer:
 * - the session cookie, and on writes Origin (the balancer's address, BASE_URL) and Sec-Fetch-Site, without
 *   which a write with a session is refused as cross-site (server/request-security.ts);
 * - the client's address in X-Forwarded-For. Instances trust that header (TRUST_PROXY=true, as behind the
 *   balancer), so a test talking to an instance directly says where "its" client is: each sign-up and
 *   sign-in of the set-up comes from an address of its own and stays clear of the per-address limits,
 *   while a test of those limits sends one address to every instance. The balancer replaces the header.
 */

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
  body: any;
  headers: Headers;
}

export interface Person {
  name: string;
  email: string;
  password: string;
  /** The Cookie header of the session this person signed up (or last signed in) with. */
  cookie: string;
}

export interface RequestOptions {
  cookie?: string;
  /** The client's address (X-Forwarded-For); a new one per request when not given. */
  ip?: string;
  json?: unknown;
  form?: FormData;
}

let addresses = 0;
/** An address no other client of this run has used. */
export const newClientAddress = () => {
  addresses++;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
};

/** Set-Cookie headers as a Cookie header; cookies being cleared (empty value) are left out. */
export const cookieFrom = (headers: Headers) =>
  headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .filter((c) => !c.endsWith('='))
    .join('; ');

/**
 * What a browser's Cookie header becomes after an answer: cookies it sets replace those of the same name (a
 * write's `waymark_seen` mark, server/own-writes.ts), cookies it clears go.
 */
export function cookieAfter(cookie: string, headers: Headers): string {
  const jar = new Map(
    cookie
      .split(/;\s*/)
      .filter(Boolean)
      .map((c) => [c.split('=')[0] as string, c]),
  );
  for (const set of headers.getSetCookie()) {
    const pair = set.split(';')[0] as string;
    const name = pair.split('=')[0] as string;
    if (pair.endsWith('=') || /;\s*max-age=0(;|$)/i.test(set)) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join('; ');
}

/** A browser of the site at `baseUrl` (the balancer): requests to any instance look as if they came from it. */
export function browserClient(baseUrl: string, inbox: SmtpInbox) {
  const origin = new URL(baseUrl).origin;

  async function call(target: string, method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { 'x-forwarded-for': options.ip ?? newClientAddress() };
    if (options.cookie) headers.cookie = options.cookie;
    if (method !== 'GET') {
      headers.origin = origin;
      headers['sec-fetch-site'] = 'same-origin';
    }
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) body = options.form;
    const res = await fetch(`${target}${path}`, { method, headers, body, signal: AbortSignal.timeout(30_000) });
    const type = res.headers.get('content-type') ?? '';
    const payload = type.includes('json') ? await res.json().catch(() => null) : Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: payload, headers: res.headers };
  }

  /** Like `call`, for set-up that must succeed: any other status fails with the answer. */
  async function must(target: string, method: string, path: string, options: RequestOptions = {}, status = 200) {
    const answer = await call(target, method, path, options);
    if (answer.status !== status) {
      throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return answer;
  }

  /** Waits for the mail confirming a new address and returns the token of its link. */
  async function confirmationToken(email: string, withinMs = 15_000): Promise<string> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const link = inbox
        .to(email)
        .map((m) => m.text.match(/\/verify-email\?token=(\S+)/)?.[1])
        .find(Boolean);
      if (link) return decodeURIComponent(link);
      if (Date.now() > deadline) throw new Error(`no confirmation mail reached ${email}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Signs a new person up the way someone does with SMTP on: sign-up (202, "check your inbox"), then the
   * link from the mail, which confirms the address and signs them in.
   */
  async function signUp(target: string, name: string): Promise<Person> {
    const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomBytes(4).toString('hex')}@example.com`;
    const password = `Instances-${randomBytes(12).toString('base64url')}`;
    await must(target, 'POST', '/api/auth/sign-up', { json: { name, email, password } }, 202);
    const token = await confirmationToken(email);
    const confirmed = await must(target, 'POST', '/api/auth/verify-email', { json: { token } });
    return { name, email, password, cookie: cookieFrom(confirmed.headers) };
  }

  /** A new session for `person` (people keep one per browser); answers its Cookie header. */
  async function signIn(target: string, person: Person): Promise<string> {
    const answer = await must(target, 'POST', '/api/auth/sign-in', {
      json: { email: person.email, password: person.password },
    });
    return cookieFrom(answer.headers);
  }

  return { origin, call, must, signUp, signIn };
}

export type BrowserClient = ReturnType<typeof browserClient>;
