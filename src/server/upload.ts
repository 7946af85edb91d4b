import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { validationError } from './errors.js';
import { badTextFields } from './text-guard.js';

/** One uploaded file with the short text fields sent before it. */
export interface ReceivedUpload {
  fileName: string;
  stream: Readable;
  fields: Record<string, string>;
}

const incomplete = () =>
  validationError(
    { file: 'The upload arrived incomplete or malformed (multipart/form-data). Please try again.' },
    'The upload could not be read.',
  );

/**
 * The stream of an uploaded file whose failures are the client's: a body cut short or malformed ends in a
 * 400, not in whatever busboy throws (a 500). `truncated` (the size limit was reached) still reads through.
 */
function clientStream(file: Readable & { truncated?: boolean }): Readable {
  async function* chunks() {
    try {
      for await (const chunk of file) yield chunk as Buffer;
    } catch {
      throw incomplete();
    }
  }
  const stream = Readable.from(chunks(), { objectMode: false });
  Object.defineProperty(stream, 'truncated', { get: () => file.truncated });
  return stream;
}

/**
 * Reads the one file of a multipart/form-data request (routes that registered @fastify/multipart), checking
 * its name and fields as the text guard checks every other request. Every way a client can get the body
 * wrong (not multipart, no boundary, cut short, no file, a NUL in the name) answers 400 naming `file`.
 */
export async function receiveUpload(req: FastifyRequest, what = 'the file'): Promise<ReceivedUpload> {
  if (!req.isMultipart()) throw validationError({ file: `Send ${what} as multipart/form-data.` });
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await req.file();
  } catch (err) {
    // Our own refusals (413 over the part limits) keep their status; the parser's own errors are the body's.
    if ((err as { statusCode?: number }).statusCode === 413) throw err;
    throw incomplete();
  }
  if (!part) throw validationError({ file: `Choose ${what} to upload.` });
  const fields = Object.fromEntries(
    Object.values(part.fields)
      .flat()
      .flatMap((f) => (f && f.type === 'field' && typeof f.value === 'string' ? [[f.fieldname, f.value]] : [])),
  );
  const problem = badTextFields(part.filename, 'file') ?? badTextFields(fields);
  if (problem) {
    part.file.resume();
    throw validationError(problem);
  }
  return { fileName: part.filename, stream: clientStream(part.file), fields };
}
