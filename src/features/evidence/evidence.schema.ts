import { z } from 'zod';
import { oneLineText } from '../../server/schemas.js';

const isoDate = z.iso.date({ error: 'Use a date like 2027-03-31.' });
const id = z.string().min(1).max(64);

const title = oneLineText({ error: 'Give the evidence a title.' })
  .trim()
  .min(1, { error: 'Give the evidence a title.' })
  .max(200, { error: 'Keep the title to 200 characters.' });
const note = z.string().trim().max(5000, { error: 'Keep the note to 5,000 characters.' });
const url = z
  .url({ protocol: /^https?$/, error: 'Use a web address starting with https:// or http://.' })
  .max(2000, { error: 'Keep the address to 2,000 characters.' });

export const goalParams = z.object({ planId: id, goalId: id });
export const evidenceParams = z.object({ planId: id, evidenceId: id });

/** A note or a link; files come as multipart/form-data to the `/files` route with the same fields. */
export const createEvidenceBody = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('note'),
      title,
      note: note.min(1, { error: 'Write the note.' }),
      occurredOn: isoDate.optional(),
    }),
    z.object({ kind: z.literal('link'), title, url, note: note.optional(), occurredOn: isoDate.optional() }),
  ],
  { error: 'Choose a note or a link (files are uploaded separately).' },
);
export type CreateEvidenceBody = z.input<typeof createEvidenceBody>;

/** The text fields sent beside an uploaded file. */
export const fileEvidenceFields = z.object({
  title: title.optional(),
  note: note.optional(),
  occurredOn: isoDate.optional(),
});

export const updateEvidenceBody = z.object({
  title: title.optional(),
  note: note.optional(),
  url: url.optional(),
  occurredOn: isoDate.optional(),
  version: z.number({ error: 'Send the version you edited.' }).int().min(1).optional(),
});

export const evidenceView = z.object({
  id: z.string(),
  planId: z.string(),
  goalId: z.string(),
  kind: z.enum(['note', 'link', 'file']),
  title: z.string(),
  note: z.string(),
  url: z.string().nullable(),
  occurredOn: z.string(),
  logEntryId: z.string().nullable(),
  file: z
    .object({ name: z.string(), contentType: z.string(), byteSize: z.number().int(), downloadUrl: z.string() })
    .nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const evidenceList = z.object({ evidence: z.array(evidenceView) });
export type EvidenceList = z.infer<typeof evidenceList>;
