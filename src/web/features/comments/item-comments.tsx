import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { FormError } from '../../components/form-error';
import { CommentThread } from './comment-thread';
import { type CommentTarget, useComments } from './comments-api';

/**
 * The thread of one goal or reflection, from the plan's comments (one request for the whole page, shared by
 * every thread on it). `folded` shows it behind a "Comments (n)" toggle, for pages with many items.
 */
export function ItemComments({
  planId,
  target,
  title,
  isLearner,
  folded = false,
}: {
  planId: string;
  target: CommentTarget;
  title: string;
  isLearner: boolean;
  folded?: boolean;
}) {
  const comments = useComments(planId);
  const { hash } = useLocation();
  const mine = comments.data?.comments.filter((c) => c.targetKind === target.kind && c.targetId === target.id) ?? [];
  // A notification links to one comment (#comment-…): once it is on the page, bring it into view.
  const linked = hash.startsWith('#comment-') && mine.some((c) => `#comment-${c.id}` === hash);
  useEffect(() => {
    if (linked) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [linked, hash]);
  if (comments.isPending) return <p role="status">Loading comments…</p>;
  if (comments.error) return <FormError error={comments.error} />;
  const thread = (
    <CommentThread planId={planId} target={target} title={title} list={comments.data} isLearner={isLearner} />
  );
  if (!folded) return thread;
  const count = mine.filter((c) => !c.deleted).length;
  return (
    <details className="comments-fold" open={linked || undefined}>
      <summary>
        Comments ({count})<span className="visually-hidden"> on {title}</span>
      </summary>
      {thread}
    </details>
  );
}
