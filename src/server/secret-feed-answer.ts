import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/*
 * How a document behind a secret address (the calendar feed, a cohort's feeds) is answered to the apps that poll
 * it signed out. They may keep a copy but ask each time (cheap with the ETag), so a revoked address stops at
 * once; `private` keeps shared caches from holding a secret address's content; robots and referrers never
 * learn the address.
 */

/** A strong ETag of a document's bytes: the same document, the same tag. */
export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Whether an If-None-Match header names this ETag (a list, weak forms and `*` included). */
export function namesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/** Answers the document with its ETag, or 304 when the client already holds this version. */
export function answerSecretFeed(
  req: FastifyRequest,
  reply: FastifyReply,
  document: { body: string; etag: string; type: string; fileName: string },
) {
  reply
    .header('etag', document.etag)
    .header('cache-control', 'private, no-cache')
    .header('x-robots-tag', 'noindex')
    .header('referrer-policy', 'no-referrer');
  if (namesEtag(req.headers['if-none-match'], document.etag)) return reply.status(304).send(null);
  return reply
    .type(document.type)
    .header('content-disposition', `inline; filename="${document.fileName}"`)
    .send(document.body);
}
