import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { ApiError } from '../../lib/api';
import { PostCard } from './post-card';
import { usePost } from './posts-api';

/** One post with its conversation open (notifications of comments link here). */
export function PostPage() {
  const { orgId = '', postId = '' } = useParams();
  const post = usePost(postId);
  useTitle(post.data ? post.data.title || `${post.data.author.name}’s post` : 'Post');
  if (post.isPending) return <p role="status">Loading the post…</p>;
  if (post.error instanceof ApiError && post.error.status === 404) {
    return (
      <section>
        <h1>Post not found</h1>
        <p>
          It was deleted, or it is not shared with you. <Link to={`/orgs/${orgId}/feed`}>Back to the feed</Link>
        </p>
      </section>
    );
  }
  if (post.error) return <FormError error={post.error} />;
  return (
    <section>
      <p>
        <Link to={`/orgs/${orgId}/feed`}>← Feed</Link>
      </p>
      <h1 className="visually-hidden">Post</h1>
      <PostCard post={post.data} orgId={orgId} open />
    </section>
  );
}
