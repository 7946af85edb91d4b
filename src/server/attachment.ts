import type { FastifyReply } from 'fastify';

/**
 * `Content-Disposition: attachment` for any file name: an ASCII fallback plus the UTF-8 name (RFC 6266 /
 * RFC 5987), so "Työpaja – muistiinpanot.pdf" downloads under its own name and quotes cannot break out.
 */
export function attachmentHeader(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Sends a stored upload for download. Never rendered by the browser as a page of ours: a download with
 * a fixed type, no sniffing, and a sandbox in case a browser shows it anyway.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { stream: NodeJS.ReadableStream; fileName: string; contentType: string; byteSize: number },
) {
  return reply
    .type(file.contentType)
    .header('content-length', file.byteSize)
    .header('content-disposition', attachmentHeader(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(file.stream);
}
