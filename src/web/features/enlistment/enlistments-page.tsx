import { type ReactNode, useId } from 'react';
import { Link, useParams } from 'react-router';
import { isOpenRequest, requestStateLabels } from '../../../features/enlistment/request-states';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { when } from '../sharing/sharing-api';
import { ColleagueTabs } from './colleague-tabs';
import { type EnlistmentView, useEnlistments } from './enlistment-api';
import { IncomingRequest } from './incoming-request';
import { LearnerRequestAction } from './learner-request-action';

/** Colleagues who asked me to mentor them (to answer, and to end), and the requests I sent. */
export function EnlistmentsPage() {
  const { orgId = '' } = useParams();
  useTitle('Mentoring requests');
  const lists = useEnlistments(orgId);
  return (
    <section>
      <ColleagueTabs orgId={orgId} />
      <h1>Mentoring requests</h1>
      <p className="lead">
        Colleagues who asked you to mentor them, and the requests you sent. Accepting lets you read and comment on the
        goals a request is about, until either of you ends it.
      </p>
      <FormError error={lists.error} />
      {lists.isPending && <p role="status">Loading…</p>}
      {lists.data && (
        <>
          <RequestList
            title="Asked of you"
            empty="Nobody has asked you to mentor them yet."
            requests={lists.data.incoming}
            render={(r) => <IncomingRequest orgId={orgId} request={r} />}
          />
          <RequestList
            title="Sent by you"
            empty="You have not asked anyone yet. Name a colleague on a person in your plan’s network to ask them from there."
            requests={lists.data.outgoing}
            render={(r) => <OutgoingRequest orgId={orgId} request={r} />}
          />
        </>
      )}
    </section>
  );
}

function RequestList({
  title,
  empty,
  requests,
  render,
}: {
  title: string;
  empty: string;
  requests: EnlistmentView[];
  render: (request: EnlistmentView) => ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {requests.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="cards">
          {requests.map((r) => (
            <li key={r.id} className="card">
              {render(r)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OutgoingRequest({ orgId, request: r }: { orgId: string; request: EnlistmentView }) {
  return (
    <>
      <h3>To {r.mentor.name}</h3>
      <p className="muted">
        {requestStateLabels[r.state]} · sent {when(r.createdAt)}
      </p>
      {r.goals.length > 0 && <p>About: {r.goals.map((g) => g.what || 'Untitled goal').join(', ')}</p>}
      {r.response && (
        <p>
          {r.mentor.name} wrote: “{r.response}”
        </p>
      )}
      {isOpenRequest(r.state) && (
        <div className="actions">
          <LearnerRequestAction orgId={orgId} request={r} />
        </div>
      )}
      <p>
        <Link to={`/orgs/${orgId}/plans/${r.planId}/network`}>
          Open the network entry “{r.entry?.name}”<span className="visually-hidden"> ({r.mentor.name})</span>
        </Link>
      </p>
    </>
  );
}
