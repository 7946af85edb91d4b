import { Link, useParams } from 'react-router';
import { FormError, Notice } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { ApiError } from '../../lib/api';
import { type ActionInvite, type ActionKind, useActionInvite, useRespondToAction } from './insights-api';

const intro: Record<ActionKind, string> = {
  mentor_call: 'Your L&D team is looking for mentors on a topic you offer to mentor.',
  community: 'A new community of practice opened for a topic you are learning.',
  resource: 'Your L&D team recommends a resource for a topic you are learning.',
};
const buttonLabels: Record<ActionKind, string> = {
  mentor_call: 'I can mentor this',
  community: 'Join the community',
  resource: 'Add to my plan',
};

function Done({ invite: a }: { invite: ActionInvite }) {
  const orgId = a.organizationId;
  if (a.kind === 'mentor_call') {
    return <Notice>Thank you: you volunteered to mentor {a.topic}. The L&D team knows and will be in touch.</Notice>;
  }
  if (a.kind === 'community') {
    return (
      <Notice>
        You joined {a.title}.{' '}
        {a.communityId && <Link to={`/orgs/${orgId}/communities/${a.communityId}`}>Go to the community</Link>}
      </Notice>
    );
  }
  return (
    <Notice>
      {a.title} is in the learning network of your newest plan, linked to your goals on {a.topic}.{' '}
      <Link to={`/orgs/${orgId}/plans`}>Go to your plans</Link>
    </Notice>
  );
}

/** Why taking it up failed: the server's reason for the one thing to fix (e.g. "Start a plan first"). */
const reasonOf = (error: unknown) =>
  error instanceof ApiError ? (Object.values(error.fields)[0] ?? error.message) : undefined;

/**
 * What a person was told about (from a notification): a mentor call, a new community or a recommended
 * resource, with the one button that takes it up.
 */
export function InsightActionPage() {
  const { actionId = '' } = useParams();
  const invite = useActionInvite(actionId);
  const respond = useRespondToAction(actionId);
  useTitle(invite.data?.title ?? 'From your L&D team');
  if (invite.isPending) return <p role="status">Loading…</p>;
  if (invite.error) return <FormError error={invite.error} />;
  const a = invite.data;
  return (
    <section className="narrow">
      <p className="muted">{intro[a.kind]}</p>
      <h1>{a.title}</h1>
      <dl className="action-facts">
        <dt>Topic</dt>
        <dd>{a.topic}</dd>
        {a.url && (
          <>
            <dt>Where</dt>
            <dd>
              <a href={a.url}>{a.url}</a>
            </dd>
          </>
        )}
      </dl>
      {a.message && <p className="action-message">{a.message}</p>}
      {a.responded ? (
        <Done invite={a} />
      ) : (
        <>
          {respond.error && (
            <p className="alert" role="alert">
              {reasonOf(respond.error)}
            </p>
          )}
          <button type="button" disabled={respond.isPending} onClick={() => respond.mutate()}>
            {buttonLabels[a.kind]}
          </button>
        </>
      )}
    </section>
  );
}
