import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import Provider from 'oidc-provider';

/*
 * A real OpenID Connect provider for the tests: oidc-provider on 127.0.0.1, its own development login form (any
 * login, any password: the login is the person's e-mail address), consent taken as given. A test can tamper with
 * the next ID token it issues (re-signed with the provider's own key, so only Waymark's checks can catch it).
 */

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The name the provider gives a login (the e-mail address); "Test Person" otherwise. */
  names: Map<string, string>;
  /** Changes the claims of the next ID token the token endpoint issues. */
  tamperNextIdToken(change: (claims: JWTPayload) => JWTPayload): void;
  /** Changes the next answer the provider sends the browser back with (its code, its state), as one in the middle would. */
  tamperNextAnswer(change: (callback: URL) => void): void;
  /** The last answer the provider sent a browser back with (the callback URL with its code and state). */
  lastAnswer(): URL | undefined;
  /**
   * Plays the browser at the provider without one: follows the authorisation URL, signs in as `login` on the
   * development form, and answers the URL the provider sends the browser back to (the callback with code and state).
   */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startTestIdp(redirectUris: string[]): Promise<TestIdp> {
  let handler: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const clientId = 'waymark';
  const clientSecret = 'waymark-test-client-secret-0123456789';
  const names = new Map<string, string>();
  let tamper: ((claims: JWTPayload) => JWTPayload) | undefined;
  let tamperAnswer: ((callback: URL) => void) | undefined;
  let lastAnswer: URL | undefined;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        // Waymark sends people back to its sign-in page once the provider has signed them out.
        post_logout_redirect_uris: redirectUris.map((u) => new URL('/sign-in', u).href),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-idp-cookie-key-0123456789'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true, name: names.get(id) ?? 'Test Person' }),
    }),
    // Consent is taken as given for every scope the client asks: the tests are about Waymark's side.
    loadExistingGrant: async (ctx) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const location = ctx.response.get('location');
    if (location && redirectUris.some((u) => location.startsWith(u))) {
      const answer = new URL(location);
      tamperAnswer?.(answer);
      tamperAnswer = undefined;
      lastAnswer = answer;
      ctx.set('location', answer.href);
    }
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && tamper && body?.id_token) {
      const change = tamper;
      tamper = undefined;
      const claims = change(decodeJwt(body.id_token));
      body.id_token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid }).sign(privateKey);
    }
  });
  handler = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    names,
    tamperNextIdToken: (change) => {
      tamper = change;
    },
    tamperNextAnswer: (change) => {
      tamperAnswer = change;
    },
    lastAnswer: () => lastAnswer,
    async signIn(authorizationUrl, login) {
      const jar = new Map<string, string>();
      const send = async (url: string, init: RequestInit = {}) => {
        const res = await fetch(url, {
          ...init,
          redirect: 'manual',
          headers: {
            ...(init.headers as Record<string, string>),
            cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          },
        });
        for (const c of res.headers.getSetCookie()) {
          const [pair] = c.split(';');
          const eq = (pair ?? '').indexOf('=');
          jar.set((pair ?? '').slice(0, eq), (pair ?? '').slice(eq + 1));
        }
        return res;
      };
      let res = await send(authorizationUrl);
      for (let hops = 0; hops < 10; hops++) {
        const location = res.headers.get('location');
        if (!location) throw new Error(`The provider stopped at ${res.status}: ${await res.text()}`);
        const next = new URL(location, issuer);
        if (redirectUris.some((u) => next.href.startsWith(u))) return next;
        if (/\/interaction\/[^/]+$/.test(next.pathname)) {
          res = await send(next.href, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
          });
        } else {
          res = await send(next.href);
        }
      }
      throw new Error('The provider redirected too many times.');
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
