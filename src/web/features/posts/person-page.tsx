import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { MemberView } from '../../../features/members/members.schema';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { api } from '../../lib/api';
import { PostList } from './feed-page';

type Follow = { kind: 'member' | 'topic'; target: string; name: string | null };

/** A colleague's "learning out loud": who they are, what they offer to mentor, and the posts you may see. */
export function PersonPage() {
  const { orgId = '', memberId = '' } = useParams();
  const qc = useQueryClient();
  const person = useQuery({
    queryKey: ['member', orgId, memberId],
    queryFn: () => api<MemberView>('GET', `/api/orgs/${orgId}/members/${memberId}`),
  });
  const follows = useQuery({
    queryKey: ['follows', orgId],
    queryFn: () => api<{ follows: Follow[] }>('GET', `/api/follows?orgId=${encodeURIComponent(orgId)}`),
  });
  const following = follows.data?.follows.some((f) => f.kind === 'member' && f.target === memberId) ?? false;
  const toggle = useMutation({
    mutationFn: () =>
      api<{ follows: Follow[] }>(following ? 'DELETE' : 'PUT', '/api/follows', {
        orgId,
        kind: 'member',
        target: memberId,
      }),
    onSuccess: (data) => qc.setQueryData(['follows', orgId], data),
  });
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
        disabled={toggle.isPending || follows.isPending}
        onClick={() => toggle.mutate()}
      >
        {following ? `Stop following ${p.name}` : `Follow ${p.name}`}
      </button>
      <FormError error={toggle.error} />
      <h2>Learning out loud</h2>
      <PostList orgId={orgId} filter={{ authorMemberId: memberId }} />
    </section>
  );
}
