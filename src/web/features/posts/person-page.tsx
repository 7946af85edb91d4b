import { useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { useMember } from '../members/members-api';
import { PostList } from './feed-page';
import { useFollows, useSetFollow } from './posts-api';

/** A colleague's "learning out loud": who they are, what they offer to mentor, and the posts you may see. */
export function PersonPage() {
  const { orgId = '', memberId = '' } = useParams();
  const person = useMember(orgId, memberId);
  const follows = useFollows(orgId);
  const following = follows.data?.follows.some((f) => f.kind === 'member' && f.target === memberId) ?? false;
  const setFollow = useSetFollow(orgId);
  useTitle(person.data?.name ?? 'Person');
  if (person.isPending) return <p role="status">Loading…</p>;
  if (person.error) return <FormError error={person.error} />;
  const p = person.data;
  return (
    <section>
      <h1>{p.name}</h1>
      {p.title && <p className="lead">{p.title}</p>}
      {p.offersMentoring && (
        <div className="panel">
          <h2>Offers mentoring</h2>
          {p.mentoringTopics.length > 0 && <p>On: {p.mentoringTopics.join(', ')}</p>}
          {p.mentoringAbout && <p>{p.mentoringAbout}</p>}
          {p.mentoringCapacity > 0 && <p className="hint">Takes up to {p.mentoringCapacity} mentees at a time.</p>}
        </div>
      )}
      <button
        type="button"
        className={following ? 'secondary' : ''}
        disabled={setFollow.isPending || follows.isPending}
        onClick={() => setFollow.mutate({ follow: !following, kind: 'member', target: memberId })}
      >
        {following ? `Stop following ${p.name}` : `Follow ${p.name}`}
      </button>
      <FormError error={setFollow.error} />
      <h2>Learning out loud</h2>
      <PostList orgId={orgId} filter={{ authorMemberId: memberId }} />
    </section>
  );
}
