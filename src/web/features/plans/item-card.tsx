import type { ReactNode } from 'react';
import { ConflictPanel, SaveStatusBadge } from './save-status';
import type { SaveStatus } from './use-autosave';

/** The frame every plan item is edited in: its title, save state, removal, and conflict choice. */
export function ItemCard<T extends object>({
  heading,
  status,
  theirs,
  draft,
  labels,
  onResolve,
  onRemove,
  children,
  aside,
}: {
  heading: string;
  status: SaveStatus;
  theirs: T | null;
  draft: T;
  labels: Record<string, string>;
  onResolve: (choice: 'mine' | 'theirs') => void;
  onRemove: () => void;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <article className="item-card">
      <header className="item-head">
        <h3>{heading}</h3>
        <SaveStatusBadge status={status} />
        <button
          type="button"
          className="link danger"
          onClick={() => {
            if (window.confirm(`Remove “${heading}”? You can bring it back from the plan's history.`)) onRemove();
          }}
        >
          Remove<span className="visually-hidden"> {heading}</span>
        </button>
      </header>
      {theirs && <ConflictPanel mine={draft} theirs={theirs} labels={labels} onResolve={onResolve} />}
      <div className={aside ? 'item-body with-aside' : 'item-body'}>
        <div>{children}</div>
        {aside}
      </div>
    </article>
  );
}
