import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { PostList } from '../posts/feed-page';
import { FoldedComposer } from '../posts/post-composer';
import { useCommunity, useCommunityActions, useCommunityMembers } from './communities-api';

/** One community: what it is about, who is in it, and its posts (for its members). */
export function CommunityPage() {
  const { orgId = '', communityId = '' } = useParams();
  const community = useCommunity(communityId);
  const members = useCommunityMembers(communityId);
  const actions = useCommunityActions(orgId, communityId);
  useTitle(community.data?.name ?? 'Community');
  if (community.isPending) return <p role="status">Loading the community…</p>;
  if (community.error) return <FormError error={community.error} />;
  const c = community.data;
  return (
    <section>
      <p>
        <Link to={`/orgs/${orgId}/communities`}>← Communities</Link>
      </p>
      <h1>{c.name}</h1>
      <p className="lead">
        {c.topic}
        {c.description && ` · ${c.description}`}
      </p>
      <button
        type="button"
        className={c.joined ? 'secondary' : ''}
        disabled={actions.membership.isPending}
        onClick={() => actions.membership.mutate(!c.joined)}
      >
        {c.joined ? 'Leave the community' : 'Join the community'}
      </button>
      <FormError error={actions.membership.error} />
      {c.joined ? (
        <>
          <FoldedComposer key={c.id} orgId={orgId} draft={{ communityId: c.id }} />
          <h2>Posts</h2>
          <PostList orgId={orgId} filter={{ communityId: c.id }} />
        </>
      ) : (
        <p className="hint">Its posts are for its members: join to read and write them.</p>
      )}
      <h2 id="community-members">Members ({c.memberCount})</h2>
      <FormError error={members.error} />
      <ul aria-labelledby="community-members">
        {members.data?.members.map((m) => (
          <li key={m.memberId}>
            <Link to={`/orgs/${orgId}/people/${m.memberId}`}>{m.name}</Link>
            {m.title && ` · ${m.title}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
