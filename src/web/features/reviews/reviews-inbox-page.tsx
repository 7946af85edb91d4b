import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { StateBadge } from './review-parts';
import { type InboxItem, kindLabel, sideLabels, useReviewInbox, when } from './reviews-api';

/** The supervisor's reviews: those waiting for them first, then the agreed and withdrawn ones. */
export function ReviewsInboxPage() {
  const { orgId = '' } = useParams();
  useTitle('Reviews');
  const inbox = useReviewInbox(orgId);
  const all = inbox.data?.reviews ?? [];
  const open = all.filter((r) => r.state === 'requested');
  const past = all.filter((r) => r.state !== 'requested');
  return (
    <section>
      <h1>Reviews</h1>
      <p className="lead">
        The people you supervise ask you here to review their plan: read what they shared, write your note and sign the
        learning agreement.
      </p>
      <FormError error={inbox.error} />
      {inbox.isPending && <p role="status">Loading…</p>}
      {inbox.isSuccess && all.length === 0 && <p>Nobody has asked you for a review yet.</p>}
      {open.length > 0 && <ReviewTable orgId={orgId} rows={open} caption="Waiting for signatures" />}
      {past.length > 0 && <ReviewTable orgId={orgId} rows={past} caption="Agreed and withdrawn" />}
    </section>
  );
}

function ReviewTable({ orgId, rows, caption }: { orgId: string; rows: InboxItem[]; caption: string }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Review</th>
          <th scope="col">State</th>
          <th scope="col">Asked</th>
          <th scope="col">Agreed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <Link to={`/orgs/${orgId}/reviews/${r.id}`}>
                {r.learner.name}: {kindLabel(r.kind)} {r.plan.cycle}
              </Link>
              {r.plan.title && <span className="hint"> — {r.plan.title}</span>}
            </th>
            <td>
              <StateBadge review={r} />
              {r.awaiting.length > 0 && (
                <span className="hint"> Waiting for: {r.awaiting.map((s) => sideLabels[s]).join(', ')}</span>
              )}
            </td>
            <td>{when(r.createdAt)}</td>
            <td>{r.agreedAt ? when(r.agreedAt) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
