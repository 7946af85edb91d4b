import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { PostCard } from './post-card';
import { FoldedComposer, type PostDraft } from './post-composer';
import { type FeedFilter, useFeed } from './posts-api';

const views = { everyone: 'Everyone', following: 'Following', mine: 'Mine' } as const;

/**
 * The organisation feed: learning out loud. A post can start from something else (a log entry's "Write a post"
 * opens this page with ?sourceKind=log&sourceId=…&body=…).
 */
export function FeedPage() {
  const { orgId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  useTitle('Feed');
  const view = (search.get('view') as FeedFilter['view']) ?? 'everyone';
  const topic = search.get('topic') ?? undefined;
  const sourceKind = search.get('sourceKind') as NonNullable<PostDraft['source']>['kind'] | null;
  const sourceId = search.get('sourceId');
  // Another entry's "Write a post" starts a new composer; clearing the address once posted keeps this one
  // (and its "Posted" notice).
  const [draftKey, setDraftKey] = useState(sourceId);
  if (sourceId && sourceId !== draftKey) setDraftKey(sourceId);
  const draft: PostDraft = {
    body: search.get('body') ?? undefined,
    ...(sourceKind && sourceId && { source: { kind: sourceKind, id: sourceId } }),
  };
  return (
    <section className="feed">
      <h1>Feed</h1>
      <p className="lead">What people here are learning, out loud. Write what you learned; react and comment.</p>
      <FoldedComposer
        key={draftKey ?? ''}
        orgId={orgId}
        draft={draft}
        onPosted={() => sourceId && setSearch({}, { replace: true })}
      />
      <nav className="tabs" aria-label="Whose posts">
        {(Object.keys(views) as (keyof typeof views)[]).map((v) => (
          <Link key={v} to={`?view=${v}`} aria-current={view === v && !topic ? 'page' : undefined}>
            {views[v]}
          </Link>
        ))}
      </nav>
      {topic && (
        <p>
          Posts on <strong>{topic}</strong> · <Link to="?">All topics</Link>
        </p>
      )}
      <PostList orgId={orgId} filter={{ view, topic }} />
    </section>
  );
}

/** A feed of posts with "Show more" (keyset pages), for the feed, a community or a person. */
export function PostList({ orgId, filter }: { orgId: string; filter: FeedFilter }) {
  const feed = useFeed(orgId, filter);
  const posts = feed.data?.pages.flatMap((p) => p.posts) ?? [];
  if (feed.isPending) return <p role="status">Loading posts…</p>;
  return (
    <div className="post-list">
      <FormError error={feed.error} />
      {posts.length === 0 && <p className="hint">No posts here yet.</p>}
      {posts.map((p) => (
        <PostCard key={p.id} post={p} orgId={orgId} />
      ))}
      {feed.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={feed.isFetchingNextPage}
          onClick={() => feed.fetchNextPage()}
        >
          {feed.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      )}
    </div>
  );
}
