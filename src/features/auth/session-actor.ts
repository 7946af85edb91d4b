import type { FastifyRequest } from 'fastify';
import { type Actor, anonymous } from '../access/index.js';
import type { Auth } from './auth.js';
import { SESSION_COOKIE_PREFIX } from './auth.js';

export function toWebHeaders(raw: FastifyRequest['headers']): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, String(value));
  }
  return headers;
}

const sessionCookie = `${SESSION_COOKIE_PREFIX}.session_token=`;

/**
 * The value of the first cookie with this name, URL-decoded, as better-auth reads it; undefined when absent
 * or malformed.
 */
function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Looks up the session behind the request's cookie; requests without one skip the database entirely.
 * A session better-auth verified in the last few seconds is taken from its cache (see createSessionCache).
 */
export async function resolveActor(auth: Auth, request: FastifyRequest): Promise<Actor> {
  const cookie = request.headers.cookie;
  if (!cookie?.includes(sessionCookie)) return anonymous;
  const { sessionCache } = auth;
  const signedValue = readCookie(cookie, (await auth.$context).authCookies.sessionToken.name);
  const cached = signedValue ? sessionCache.get(signedValue) : undefined;
  if (cached) return { kind: 'user', ...cached, address: request.ip };

  if (!signedValue) return verify(auth, request, signedValue);
  // When a session's cache entry expires under load, the requests waiting on it share one verification.
  const { verifying } = sessionCache;
  let pending = verifying.get(signedValue) as Promise<Actor> | undefined;
  if (!pending) {
    const started: Promise<Actor> = verify(auth, request, signedValue).finally(() => {
      if (verifying.get(signedValue) === started) verifying.delete(signedValue);
    });
    pending = started;
    verifying.set(signedValue, pending);
  }
  const actor = await pending;
  // The shared verification answers every waiting request: each gets its own address.
  return actor.kind === 'user' ? { ...actor, address: request.ip } : actor;
}

async function verify(auth: Auth, request: FastifyRequest, signedValue: string | undefined): Promise<Actor> {
  const { sessionCache } = auth;
  const generation = sessionCache.generation();
  const result = await auth.api.getSession({ headers: toWebHeaders(request.headers) });
  if (!result) return anonymous;
  const identity = {
    userId: result.user.id,
    email: result.user.email,
    name: result.user.name,
    sessionId: result.session.id,
  };
  if (signedValue) sessionCache.set(signedValue, result.session, identity, generation);
  return { kind: 'user', ...identity, address: request.ip };
}
