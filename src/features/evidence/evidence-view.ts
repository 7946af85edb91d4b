import type { EvidenceRow } from './evidence.repository.js';
import type { EvidenceView } from './evidence.schema.js';

/**
 * Evidence as the API shows it. Where its file downloads from depends on who asks: the owner through the
 * plan, a portfolio visitor through the secret link; the caller says.
 */
export function evidenceViewOf(row: EvidenceRow, downloadUrl: (row: EvidenceRow) => string): EvidenceView {
  return {
    id: row.id,
    planId: row.planId,
    goalId: row.goalId,
    kind: row.kind,
    title: row.title,
    note: row.note,
    url: row.url,
    occurredOn: row.occurredOn,
    logEntryId: row.logEntryId,
    file:
      row.kind === 'file' && row.fileName && row.contentType && row.byteSize !== null
        ? { name: row.fileName, contentType: row.contentType, byteSize: row.byteSize, downloadUrl: downloadUrl(row) }
        : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The owner's download address for a file. */
export const ownerDownloadUrl = (row: EvidenceRow) => `/api/plans/${row.planId}/evidence/${row.id}/file`;
