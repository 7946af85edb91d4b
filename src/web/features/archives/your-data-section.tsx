import { FormError } from '../../components/form-error';
import { archiveDate, archiveFileHref, archiveHref, useMyArchives } from './archives-api';

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/**
 * What the person made in organisations they left or were removed from: theirs to download until it is erased.
 * Shown only when there is something, on the settings page (the removal e-mail links to it).
 */
export function YourDataSection() {
  const archives = useMyArchives();
  const list = archives.data?.archives ?? [];
  if (!archives.error && list.length === 0) return null;
  return (
    <section aria-labelledby="your-data" className="your-data">
      <h2 id="your-data">Your data from organisations you left</h2>
      <FormError error={archives.error} />
      <p className="hint">
        Your plans, check-ins, evidence, learning log and posts are yours. Each plan in the download can be imported
        into another organisation (Plans → Import).
      </p>
      <ul className="archive-list">
        {list.map((a) => (
          <li key={a.id}>
            <h3>{a.organizationName}</h3>
            <p>
              {a.removedByName ? `Removed by ${a.removedByName}` : 'You left'} on {archiveDate(a.removedAt)}. Kept for
              you until <strong>{archiveDate(a.keptUntil)}</strong>, then erased.
            </p>
            <p>
              <a href={archiveHref(a.id)} download>
                Download everything ({a.planCount} {a.planCount === 1 ? 'plan' : 'plans'}, JSON)
              </a>
            </p>
            {a.files.length > 0 && (
              <details>
                <summary>
                  {a.files.length} evidence {a.files.length === 1 ? 'file' : 'files'}
                </summary>
                <ul>
                  {a.files.map((f) => (
                    <li key={f.id}>
                      <a href={archiveFileHref(a.id, f.id)} download>
                        {f.fileName}
                      </a>{' '}
                      <span className="muted">({size(f.byteSize)})</span>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
