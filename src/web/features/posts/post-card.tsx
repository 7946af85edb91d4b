import { useId, useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { TextArea } from '../plans/plan-fields';
import { when } from '../sharing/sharing-api';
import { type PostView, reactionLabels, usePostActions, usePostComments, visibilityLabels } from './posts-api';

/** One post in the feed or on its own page: who, when, for whom, the text, reactions and the conversation. */
export function PostCard({ post, orgId, open = false }: { post: PostView; orgId: string; open?: boolean }) {
  const headingId = useId();
  const actions = usePostActions(post.id);
  const [showComments, setShowComments] = useState(open);
  return (
    <article className="card post" aria-labelledby={headingId}>
      <p className="post-meta">
        <Link to={`/orgs/${orgId}/people/${post.author.memberId}`}>{post.author.name}</Link>
        {post.author.title && ` · ${post.author.title}`} · <time dateTime={post.createdAt}>{when(post.createdAt)}</time>
        {' · '}
        {post.community ? (
          <Link to={`/orgs/${orgId}/communities/${post.community.id}`}>{post.community.name}</Link>
        ) : // A cohort's reflections are written from the programme, never chosen in the post composer.
        post.visibility === 'cohort' ? (
          'A programme cohort'
        ) : (
          visibilityLabels[post.visibility]
        )}
      </p>
      <h2 id={headingId} className="post-title">
        <Link to={`/orgs/${orgId}/posts/${post.id}`}>{post.title || `${post.author.name}’s post`}</Link>
      </h2>
      {/* Rendered from Markdown and sanitised by the server when the post was written (src/server/markdown.ts). */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server-side with an allow-list */}
      <div className="post-body" dangerouslySetInnerHTML={{ __html: post.html }} />
      {post.topics.length > 0 && (
        <ul className="tags" aria-label="Topics">
          {post.topics.map((t) => (
            <li key={t}>
              <Link to={`/orgs/${orgId}/feed?topic=${encodeURIComponent(t)}`}>{t}</Link>
            </li>
          ))}
        </ul>
      )}
      {post.goal && (
        <p className="hint">
          Shared for <Link to={`/orgs/${orgId}/plans/${post.goal.planId}/goals/${post.goal.goalId}`}>your goal</Link>.
        </p>
      )}
      <div className="reactions" role="group" aria-label={`React to ${post.title || 'this post'}`}>
        {(Object.keys(reactionLabels) as (keyof typeof reactionLabels)[]).map((kind) => {
          const on = post.myReactions.includes(kind);
          return (
            <button
              key={kind}
              type="button"
              className={on ? '' : 'secondary'}
              aria-pressed={on}
              disabled={actions.react.isPending}
              onClick={() => actions.react.mutate({ kind, on: !on })}
            >
              {reactionLabels[kind]} {post.reactions[kind] > 0 && `(${post.reactions[kind]})`}
            </button>
          );
        })}
        <button
          type="button"
          className="link"
          aria-expanded={showComments}
          onClick={() => setShowComments(!showComments)}
        >
          Comments ({post.commentCount})
        </button>
      </div>
      <FormError error={actions.react.error} />
      {showComments && <PostComments post={post} actions={actions} />}
    </article>
  );
}

function PostComments({ post, actions }: { post: PostView; actions: ReturnType<typeof usePostActions> }) {
  const comments = usePostComments(post.id);
  const [body, setBody] = useState('');
  const leave = useLeaveGuard(body.trim() !== '');
  return (
    <section className="comments" aria-label={`Comments on ${post.title || 'this post'}`}>
      {comments.isPending && <p role="status">Loading comments…</p>}
      <FormError error={comments.error} />
      <ol className="comment-list">
        {comments.data?.comments.map((c) => (
          <li key={c.id} id={`comment-${c.id}`} className="comment">
            <p className="comment-meta">
              <strong>{c.author.name}</strong> · <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
            </p>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server-side with an allow-list */}
            <div className="comment-body" dangerouslySetInnerHTML={{ __html: c.html }} />
            {(c.mine || post.mine) && (
              <button type="button" className="link danger" onClick={() => actions.removeComment.mutate(c.id)}>
                Delete<span className="visually-hidden"> comment by {c.author.name}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      <form
        className="comment-form"
        onSubmit={(e) => {
          e.preventDefault();
          actions.comment.mutate(body, { onSuccess: () => setBody('') });
        }}
      >
        <TextArea
          label={`Comment on ${post.title || `${post.author.name}’s post`}`}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={fieldError(actions.comment.error, 'body')}
          required
        />
        <button type="submit" disabled={actions.comment.isPending}>
          Add comment
        </button>
        {leave.question}
      </form>
    </section>
  );
}
