import type { FastifyRequest } from 'fastify';
import type { Auth } from '../auth/auth.js';
import { SESSION_COOKIE_PREFIX } from '../auth/auth.js';

/** Who is making a request. Services receive this, never the raw request. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; email: string; name: string; sessionId: string };

export const anonymous: Actor = { kind: 'anonymous' };

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

/** Looks up the session behind the request's cookie; requests without one skip the database entirely. */
export async function resolveActor(auth: Auth, request: FastifyRequest): Promise<Actor> {
  const cookie = request.headers.cookie;
  if (!cookie?.includes(sessionCookie)) return anonymous;
  const result = await auth.api.getSession({ headers: toWebHeaders(request.headers) });
  if (!result) return anonymous;
  return {
    kind: 'user',
    userId: result.user.id,
    email: result.user.email,
    name: result.user.name,
    sessionId: result.session.id,
  };
}
