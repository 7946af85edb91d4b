import { Link, useParams } from 'react-router';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { useMe } from '../me/me-api';
import { TextArea } from '../plans/plan-fields';
import { type CommunityView, useCommunities, useCommunityActions, useStartCommunity } from './communities-api';

/** Communities of practice: find one, join, or start one around a topic. */
export function CommunitiesPage() {
  const { orgId = '' } = useParams();
  useTitle('Communities');
  const communities = useCommunities(orgId);
  return (
    <section>
      <h1>Communities of practice</h1>
      <p className="lead">People learning around one topic, sharing as they go. Join one, or start one.</p>
      {communities.isPending && <p role="status">Loading communities…</p>}
      <FormError error={communities.error} />
      <ul className="cards">
        {communities.data?.communities.map((c) => (
          <li key={c.id}>
            <CommunityCard orgId={orgId} community={c} />
          </li>
        ))}
      </ul>
      {communities.data?.communities.length === 0 && <p className="hint">No communities yet: start the first.</p>}
      <NewCommunityForm orgId={orgId} />
    </section>
  );
}

function CommunityCard({ orgId, community: c }: { orgId: string; community: CommunityView }) {
  const me = useMe().data;
  const role = me?.memberships.find((m) => m.organizationId === orgId)?.role;
  const canFeature = role === 'owner' || role === 'admin';
  const actions = useCommunityActions(orgId, c.id);
  return (
    <article className="card" aria-label={c.name}>
      <h2>
        <Link to={`/orgs/${orgId}/communities/${c.id}`}>{c.name}</Link>
        {c.featured && <span className="badge"> Featured</span>}
      </h2>
      <p className="hint">
        {c.topic} · {c.memberCount} {c.memberCount === 1 ? 'member' : 'members'} · {c.postCount}{' '}
        {c.postCount === 1 ? 'post' : 'posts'}
      </p>
      {c.description && <p>{c.description}</p>}
      <div className="actions">
        <button
          type="button"
          className={c.joined ? 'secondary' : ''}
          disabled={actions.membership.isPending}
          onClick={() => actions.membership.mutate(!c.joined)}
        >
          {c.joined ? 'Leave' : 'Join'}
          <span className="visually-hidden"> {c.name}</span>
        </button>
        {canFeature && (
          <button type="button" className="secondary" onClick={() => actions.feature.mutate(!c.featured)}>
            {c.featured ? 'Stop featuring' : 'Feature'}
            <span className="visually-hidden"> {c.name}</span>
          </button>
        )}
      </div>
      <FormError error={actions.membership.error ?? actions.feature.error} />
    </article>
  );
}

function NewCommunityForm({ orgId }: { orgId: string }) {
  const create = useStartCommunity(orgId);
  const error = (f: string) => fieldError(create.error, f);
  const leave = useLeaveGuard();
  return (
    <form
      className="panel"
      aria-labelledby="new-community"
      {...leave.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        create.mutate(
          {
            organizationId: orgId,
            name: String(data.get('name') ?? ''),
            topic: String(data.get('topic') ?? ''),
            description: String(data.get('description') ?? ''),
          },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <h2 id="new-community">Start a community</h2>
      <Field label="Name" name="name" required maxLength={80} error={error('name')} />
      <Field
        label="Topic"
        name="topic"
        required
        maxLength={60}
        hint="What it is about: data literacy, storytelling…"
        error={error('topic')}
      />
      <TextArea label="Description (optional)" name="description" maxLength={2000} error={error('description')} />
      <FormError error={create.error} />
      <button type="submit" disabled={create.isPending}>
        Start the community
      </button>
      {leave.question}
    </form>
  );
}
