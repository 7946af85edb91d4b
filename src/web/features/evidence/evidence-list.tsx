import { FormError } from '../../components/form-error';
import { WritePostLink } from '../posts/write-post-link';
import { day, type EvidenceView, fileSize, useEvidence, useRemoveEvidence } from './evidence-api';

/** A goal's evidence, newest first: notes in full, links to open, files to download. */
export function EvidenceList({ planId, goalId }: { planId: string; goalId: string }) {
  const evidence = useEvidence(planId, goalId);
  if (evidence.isPending) return <p role="status">Loading evidence…</p>;
  if (evidence.error) return <FormError error={evidence.error} />;
  if (evidence.data.evidence.length === 0) {
    return (
      <p className="notice">
        No evidence yet. What would show someone you learned this? A note, a link to what you made, a file.
      </p>
    );
  }
  return (
    <ul className="evidence-list" aria-label="Evidence">
      {evidence.data.evidence.map((e) => (
        <EvidenceItem key={e.id} evidence={e} />
      ))}
    </ul>
  );
}

/** One piece of evidence; on the timeline, which shows the date already, without it. */
export function EvidenceContent({ evidence: e, dated = true }: { evidence: EvidenceView; dated?: boolean }) {
  return (
    <>
      {(dated || e.logEntryId) && (
        <p className="hint">
          {dated && <time dateTime={e.occurredOn}>{day(e.occurredOn)}</time>}
          {dated && e.logEntryId && ' · '}
          {e.logEntryId && 'from your learning log'}
        </p>
      )}
      <p className="evidence-title">
        {e.kind === 'link' && e.url ? (
          <a href={e.url} rel="noopener noreferrer" target="_blank">
            {e.title}
            <span className="visually-hidden"> (link, opens in a new tab)</span>
          </a>
        ) : e.file ? (
          <a href={e.file.downloadUrl} download={e.file.name}>
            {e.title}
            <span className="visually-hidden">
              {' '}
              (download {e.file.name}, {fileSize(e.file.byteSize)})
            </span>
          </a>
        ) : (
          e.title
        )}
      </p>
      {e.file && (
        <p className="hint" aria-hidden="true">
          {e.file.name} · {fileSize(e.file.byteSize)}
        </p>
      )}
      {e.note && <p className="evidence-note">{e.note}</p>}
    </>
  );
}

function EvidenceItem({ evidence: e }: { evidence: EvidenceView }) {
  const remove = useRemoveEvidence(e);
  return (
    <li className="evidence-item">
      <EvidenceContent evidence={e} />
      <button
        type="button"
        className="link danger"
        onClick={() => window.confirm(`Remove “${e.title}”${e.file ? ' and its file' : ''}?`) && remove.mutate()}
      >
        Remove<span className="visually-hidden"> “{e.title}”</span>
      </button>
      <WritePostLink
        source={{ kind: 'evidence', id: e.id }}
        body={[e.title, e.note, e.url].filter(Boolean).join('\n\n')}
        about={`“${e.title}”`}
      />
      <FormError error={remove.error} />
    </li>
  );
}
