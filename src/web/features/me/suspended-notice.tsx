import { formatDateTime } from '../../lib/dates';
import type { MeView } from './me-api';

/**
 * Told on every page while an organisation's directory (SCIM) suspends the person's membership: by whom, since
 * when, and how to download their own plans, which stay theirs.
 */
export function SuspendedNotice({ suspended }: { suspended: MeView['suspended'] }) {
  if (suspended.length === 0) return null;
  return (
    <section className="notice" aria-labelledby="suspended-heading">
      <h2 id="suspended-heading">Your access is suspended</h2>
      {suspended.map((s) => (
        <div key={s.organizationId}>
          <p>
            Your access to <strong>{s.organizationName}</strong> is suspended by {s.suspendedBy} since{' '}
            <time dateTime={s.suspendedAt}>{formatDateTime(s.suspendedAt)}</time>. Ask its owners or IT if this is a
            mistake. Your plans are still yours: download them here.
          </p>
          {s.plans.length > 0 && (
            <ul>
              {s.plans.map((p) => (
                <li key={p.id}>
                  {p.title} ({p.cycle}): <a href={`/api/plans/${p.id}/export?format=pdf`}>PDF</a>,{' '}
                  <a href={`/api/plans/${p.id}/export?format=md`}>Markdown</a>,{' '}
                  <a href={`/api/plans/${p.id}/export?format=json`}>JSON</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
