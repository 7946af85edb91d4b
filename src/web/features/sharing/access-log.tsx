import { FormError } from '../../components/form-error';
import { useAccessLog, when } from './sharing-api';

/** Every read of what the learner shared, by someone else: newest first, more on request. */
export function AccessLog({ planId }: { planId: string }) {
  const log = useAccessLog(planId);
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Access log</h2>
      <p>Every time someone opens what you shared, it shows here.</p>
      <FormError error={log.error} />
      {log.isPending ? (
        <p role="status">Loading the access log…</p>
      ) : entries.length === 0 ? (
        <p>Nobody has looked at anything you shared yet.</p>
      ) : (
        <ul>
          {entries.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{when(e.at)}</time>: <strong>{e.viewer.name}</strong> read {e.label}
            </li>
          ))}
        </ul>
      )}
      {log.hasNextPage && (
        <button
          type="button"
          className="secondary"
          onClick={() => log.fetchNextPage()}
          disabled={log.isFetchingNextPage}
        >
          Show older reads
        </button>
      )}
    </section>
  );
}
