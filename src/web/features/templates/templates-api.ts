import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateTemplateBody,
  TemplateList,
  TemplateSummary,
  UpdateTemplateBody,
} from '../../../features/templates/templates.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { TemplateSummary };

export const templateKeys = {
  all: ['templates'] as const,
  ofOrg: (orgId: string) => [...templateKeys.all, orgId] as const,
};

/** The organisation's templates: the published ones, and drafts too for L&D admins. */
export function useTemplates(orgId: string) {
  return useQuery({
    queryKey: templateKeys.ofOrg(orgId),
    queryFn: () => api<TemplateList>('GET', `/api/templates?orgId=${orgId}`),
  });
}

/** Making, publishing (or unpublishing) and deleting templates; each reads the list again. */
export function useTemplateActions(orgId: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: templateKeys.ofOrg(orgId) });
  return {
    create: useMutation({
      mutationFn: (body: CreateTemplateBody) => api('POST', '/api/templates', body),
      onSuccess: refresh,
    }),
    togglePublished: useMutation({
      mutationFn: (t: TemplateSummary) =>
        api('PATCH', `/api/templates/${t.id}`, {
          published: !t.published,
          version: t.version,
        } satisfies UpdateTemplateBody),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => api('DELETE', `/api/templates/${id}`), onSuccess: refresh }),
  };
}
