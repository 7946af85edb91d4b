import { z } from 'zod';

export const matchesQuery = z.object({
  limit: z.coerce
    .number({ error: 'Give a number of suggestions.' })
    .int({ error: 'Give a whole number of suggestions.' })
    .min(1, { error: 'Ask for at least 1 suggestion.' })
    .max(20, { error: 'Ask for at most 20 suggestions.' })
    .default(5),
});

export const mentorMatch = z
  .object({
    memberId: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    topics: z.array(z.string()),
    about: z.string(),
    /** How many mentees they can take at once; 0 when they did not say. */
    capacity: z.number().int(),
    /** Agreed or active mentoring relations naming them. */
    activeMentees: z.number().int(),
    score: z.number(),
    /** Why they were suggested, in words, strongest first. */
    reasons: z.array(z.string()),
  })
  .meta({ id: 'MentorMatch' });

/** A colleague learning the same topic: their name and the shared topic, nothing else of their plan. */
export const peerMatch = z
  .object({
    memberId: z.string(),
    name: z.string(),
    topics: z.array(z.string()),
    score: z.number(),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'PeerMatch' });

export const goalMatches = z
  .object({ mentors: z.array(mentorMatch), peers: z.array(peerMatch) })
  .meta({ id: 'GoalMatches' });
export type GoalMatches = z.infer<typeof goalMatches>;
export type MentorMatch = z.infer<typeof mentorMatch>;
export type PeerMatch = z.infer<typeof peerMatch>;
