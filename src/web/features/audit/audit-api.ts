import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEventView, AuditList } from '../../../features/audit/audit.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { AuditEventView, AuditList };

/** The filters of the audit page, as its address holds them (so a filtered view can be reloaded and shared). */
export interface AuditFilters {
  action?: string;
  person?: string;
  from?: string;
  to?: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  org: (orgId: string) => [...auditKeys.all, orgId] as const,
  page: (orgId: string, f: AuditFilters, cursor: string | undefined) =>
    [...auditKeys.org(orgId), f.action ?? '', f.person ?? '', f.from ?? '', f.to ?? '', cursor ?? ''] as const,
};

export function auditQueryString(f: AuditFilters, cursor?: string): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...f, cursor })) if (value) q.set(key, value);
  const text = q.toString();
  return text ? `?${text}` : '';
}

export const auditPath = (orgId: string) => `/api/orgs/${orgId}/audit`;

export const useAudit = (orgId: string, f: AuditFilters, cursor: string | undefined) =>
  useQuery({
    queryKey: auditKeys.page(orgId, f, cursor),
    queryFn: () => api<AuditList>('GET', `${auditPath(orgId)}${auditQueryString(f, cursor)}`),
    placeholderData: (previous) => previous,
  });

/** Owners change how long events are kept; the change is itself an event, so the list is read again. */
export function useSaveRetention(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (retentionDays: number) =>
      api<{ retentionDays: number }>('PUT', `${auditPath(orgId)}/settings`, { retentionDays }),
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKeys.org(orgId) }),
  });
}
