import { z } from 'zod';
import { reminderKinds } from '../settings/index.js';

export const unsubscribeQuery = z.object({
  token: z.string({ error: 'The link has no token; copy the whole link from the e-mail.' }).min(1).max(500),
});

/** What an unsubscribe link turns off, and whether it is off already. */
export const unsubscribeView = z.object({
  kind: z.enum(reminderKinds),
  /** In words: "e-mails when a check-in is due". */
  turnedOff: z.string(),
  unsubscribed: z.boolean(),
});
export type UnsubscribeView = z.infer<typeof unsubscribeView>;
