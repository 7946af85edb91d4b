import { z } from 'zod';

/*
 * A participant's own blog, registered by its RSS or Atom feed for their enrolment: its status, and the posts
 * read from it that belong to the programme, each offered as the reflection on a thing.
 */

const id = z.string().min(1).max(64);

export const enrolmentParams = z.object({ enrolmentId: id });
export const feedItemParams = z.object({ enrolmentId: id, itemId: id });

export const registerBlogBody = z.object({
  feedUrl: z
    .string({ error: 'Give your blog’s feed address.' })
    .trim()
    .min(1, { error: 'Give your blog’s feed address.' })
    .max(2000, { error: 'Keep the address under 2,000 characters.' }),
});
export type RegisterBlogBody = z.input<typeof registerBlogBody>;

export const acceptItemBody = z.object({
  thingId: id.describe('The thing the post is the reflection on.'),
});
export type AcceptItemBody = z.input<typeof acceptItemBody>;

export const blogStatusView = z
  .object({
    enrolmentId: z.string(),
    programmeId: z.string(),
    /** Whose blog it is (organisers read it from the programme's progress page). */
    participantName: z.string(),
    /** The word or tag that marks a blog post as belonging to the programme (`#learning-out-loud`). */
    tag: z.string(),
    /** Whether the person asking may change it (the participant), or only read it (an organiser). */
    canChange: z.boolean(),
    feed: z
      .object({
        feedUrl: z.string(),
        title: z.string().nullable(),
        siteUrl: z.string().nullable(),
        lastReadAt: z.iso.datetime().nullable(),
        /** Why the last read failed, in words for the participant (null: it worked). */
        lastError: z.string().nullable(),
        lastErrorAt: z.iso.datetime().nullable(),
        nextReadAt: z.iso.datetime(),
      })
      .nullable(),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        link: z.string().nullable(),
        summary: z.string(),
        publishedAt: z.iso.datetime().nullable(),
        /** The thing it names or was used for (null: for the participant to pick). */
        thingId: z.string().nullable(),
        accepted: z.boolean(),
      }),
    ),
    /** The programme's things, numbered, for the picker. */
    things: z.array(z.object({ id: z.string(), number: z.number().int(), title: z.string() })),
  })
  .meta({ id: 'BlogStatus' });
export type BlogStatusView = z.infer<typeof blogStatusView>;
