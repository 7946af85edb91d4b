import { z } from 'zod';
import { commentTargets, suggestionStates } from '../../db/schema/collaboration.js';

/*
 * Comments on goals and reflections, by the learner and by people they shared them with to comment;
 * threaded one level deep, written in Markdown, and possibly suggesting new wording for one field.
 */

const id = z.string().min(1).max(64);
const targetKind = z.enum(commentTargets, { error: 'Comment on a goal or a reflection.' });
const body = z
  .string({ error: 'Write the comment.' })
  .trim()
  .min(1, { error: 'Write the comment.' })
  .max(5000, { error: 'Keep a comment under 5,000 characters.' });

export const planParams = z.object({ planId: id });
export const commentParams = z.object({ planId: id, commentId: id });

export const listCommentsQuery = z.object({
  targetKind: targetKind.optional(),
  targetId: id.optional(),
});

export const createCommentBody = z.object({
  targetKind,
  targetId: id,
  parentId: id.optional(),
  body,
  suggestion: z
    .object({
      field: z.string({ error: 'Choose the field to suggest wording for.' }).max(40),
      text: z.string({ error: 'Write the suggested wording.' }).max(20_000),
    })
    .optional(),
});
export type CreateCommentInput = z.infer<typeof createCommentBody>;
export type CreateCommentBody = z.input<typeof createCommentBody>;

export const updateCommentBody = z.object({ body });

export const commentView = z
  .object({
    id: z.string(),
    planId: z.string(),
    targetKind,
    targetId: z.string(),
    parentId: z.string().nullable(),
    author: z.object({ name: z.string(), isLearner: z.boolean() }),
    /** The Markdown as written (empty once deleted). */
    body: z.string(),
    /** The same, rendered and sanitised: safe to insert as HTML. */
    html: z.string(),
    suggestion: z
      .object({
        field: z.string(),
        text: z.string(),
        state: z.enum(suggestionStates),
        decidedAt: z.iso.datetime().nullable(),
      })
      .nullable(),
    mine: z.boolean(),
    deleted: z.boolean(),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PlanComment' });
export type CommentView = z.infer<typeof commentView>;

export const commentList = z.object({
  comments: z.array(commentView),
  /** The goals and reflections (of those asked about) the viewer may comment on; the learner on all. */
  canCommentOn: z.object({ goal: z.array(z.string()), reflection: z.array(z.string()) }),
});
export type CommentList = z.infer<typeof commentList>;
