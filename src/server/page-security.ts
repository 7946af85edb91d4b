import type { FastifyReply } from 'fastify';

/*
 * Headers for the single page (index.html), the only HTML Waymark serves. The content security policy is
 * the second line of defence behind sanitize-html (src/server/markdown.ts): were anything to slip through it,
 * the browser would still run no script and load nothing that is not Waymark's own. Everything the app needs
 * is bundled (docs/decisions/2026-11-27-content-security-policy.md), so nothing else is allowed:
 * - scripts and styles only from Waymark's own files: no inline script or <style> element runs (React and the
 *   chart and map libraries set styles through the DOM, which a policy does not govern);
 * - images from Waymark (uploaded post images), and data:/blob: URLs the charts and exports make;
 * - requests only to Waymark's API; no plugins, no <base>, forms post only here, and no other site may frame
 *   a page (clickjacking);
 * - the service worker (/sw.js) and the web manifest only from Waymark, named though default-src says as much,
 *   so that the policy reads as what the installable app needs (docs/decisions/2026-12-05-offline-quick-capture.md).
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The API docs page (Swagger UI at /api/docs) runs under the same policy but one directive: Swagger UI sets
 * an inline style (a <style> it adds itself), so styles may be inline there. Scripts stay Waymark's own, and
 * the page shows only Waymark's OpenAPI document; no other site may frame it.
 */
export const DOCS_CONTENT_SECURITY_POLICY = PAGE_CONTENT_SECURITY_POLICY.replace(
  "style-src 'self'",
  "style-src 'self' 'unsafe-inline'",
);

export const pageSecurityHeaders = {
  'content-security-policy': PAGE_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
} as const;

/**
 * The service worker's own policy (a worker runs under the policy of its script's answer, not the page's): it
 * fetches only Waymark's files and imports no script.
 */
export const WORKER_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'";

/** The single page, with its security headers. */
export function sendPage(reply: FastifyReply) {
  return reply.headers(pageSecurityHeaders).sendFile('index.html');
}
