import type { SaveStatus } from './use-autosave';

const words: Record<SaveStatus, string> = {
  saved: 'Saved',
  unsaved: 'Editing…',
  saving: 'Saving…',
  retrying: 'Not saved yet: retrying',
  invalid: 'Not saved: check the highlighted field',
  conflict: 'Not saved: changed elsewhere',
};

/** The visible save state of one item; announced politely to screen readers. */
export function SaveStatusBadge({ status }: { status: SaveStatus }) {
  return (
    <span className={`save-status save-${status}`} role="status" aria-live="polite">
      {words[status]}
    </span>
  );
}

/**
 * Shown when the item was changed in another tab or by another device since this one loaded it: both
 * versions side by side, field by field, and the learner picks one.
 */
export function ConflictPanel<T extends object>({
  mine,
  theirs,
  labels,
  onResolve,
}: {
  mine: T;
  theirs: T;
  labels: Record<string, string>;
  onResolve: (choice: 'mine' | 'theirs') => void;
}) {
  const show = (v: unknown) => (Array.isArray(v) ? v.length : v === null || v === '' ? '—' : String(v));
  const fields = Object.keys(labels).filter(
    (k) =>
      JSON.stringify((mine as Record<string, unknown>)[k]) !== JSON.stringify((theirs as Record<string, unknown>)[k]),
  );
  return (
    <div className="conflict" role="alert">
      <p>
        <strong>This was changed somewhere else</strong> (another tab or device) after you started editing. Choose which
        version to keep.
      </p>
      <table>
        <caption className="visually-hidden">Differences between your version and the saved version</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Your version</th>
            <th scope="col">Saved version</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((k) => (
            <tr key={k}>
              <th scope="row">{labels[k]}</th>
              <td>{show((mine as Record<string, unknown>)[k])}</td>
              <td>{show((theirs as Record<string, unknown>)[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => onResolve('mine')}>
          Keep my version
        </button>
        <button type="button" className="secondary" onClick={() => onResolve('theirs')}>
          Use the saved version
        </button>
      </div>
    </div>
  );
}
