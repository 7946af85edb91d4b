import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CohortList,
  CohortView,
  CreateProgrammeBody,
  CreateThingBody,
  ProgrammeList,
  ProgrammeOutlineView,
  RevisionList,
  UpdateProgrammeBody,
  UpdateThingBody,
} from '../../../features/programmes/programmes.schema';
import { ApiError, api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { CohortView, ProgrammeOutlineView };
export type ThingView = ProgrammeOutlineView['weeks'][number]['things'][number];
export type WeekView = ProgrammeOutlineView['weeks'][number];

/** An organisation's authored list; a programme's outline, its cohorts and each thing's history hang under it. */
export const programmeKeys = {
  all: ['programmes-authoring'] as const,
  list: (orgId: string) => [...programmeKeys.all, 'list', orgId] as const,
  one: (programmeId: string) => [...programmeKeys.all, 'one', programmeId] as const,
  cohorts: (programmeId: string) => [...programmeKeys.one(programmeId), 'cohorts'] as const,
  revisions: (programmeId: string, thingId: string) =>
    [...programmeKeys.one(programmeId), 'revisions', thingId] as const,
};

export const useAuthoredProgrammes = (orgId: string) =>
  useQuery({
    queryKey: programmeKeys.list(orgId),
    queryFn: () => api<ProgrammeList>('GET', `/api/orgs/${orgId}/programmes`),
  });

export const useProgrammeOutline = (programmeId: string) =>
  useQuery({
    queryKey: programmeKeys.one(programmeId),
    queryFn: () => api<ProgrammeOutlineView>('GET', `/api/programmes/${programmeId}`),
  });

export const useCohorts = (programmeId: string) =>
  useQuery({
    queryKey: programmeKeys.cohorts(programmeId),
    queryFn: () => api<CohortList>('GET', `/api/programmes/${programmeId}/cohorts`),
  });

export const useThingRevisions = (programmeId: string, thingId: string, enabled: boolean) =>
  useQuery({
    queryKey: programmeKeys.revisions(programmeId, thingId),
    queryFn: () => api<RevisionList>('GET', `/api/programme-things/${thingId}/revisions`),
    enabled,
  });

/** Starting programmes: a blank draft, Waymark's starter, or an imported file. Each answers the new outline. */
export function useStartProgramme(orgId: string) {
  const qc = useQueryClient();
  const onSuccess = (outline: ProgrammeOutlineView) => {
    qc.setQueryData(programmeKeys.one(outline.id), outline);
    return qc.invalidateQueries({ queryKey: programmeKeys.list(orgId) });
  };
  return {
    create: useMutation({
      mutationFn: (body: CreateProgrammeBody) =>
        api<ProgrammeOutlineView>('POST', `/api/orgs/${orgId}/programmes`, body),
      onSuccess,
    }),
    starter: useMutation({
      mutationFn: () => api<ProgrammeOutlineView>('POST', `/api/orgs/${orgId}/programmes/starter`),
      onSuccess,
    }),
    import: useMutation({
      mutationFn: (doc: unknown) => api<ProgrammeOutlineView>('POST', `/api/orgs/${orgId}/programmes/import`, doc),
      onSuccess,
    }),
  };
}

/** Sends a cover image with PUT (multipart): `upload` in lib/api posts, and the cover is replaced, not added. */
async function putCover(programmeId: string, file: File): Promise<ProgrammeOutlineView> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(`/api/programmes/${programmeId}/cover`, {
    method: 'PUT',
    body: form,
    credentials: 'same-origin',
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = data.error ?? {};
    throw new ApiError(res.status, e.code ?? 'internal', e.message ?? 'Something went wrong.', e.fields ?? {}, e);
  }
  return data as ProgrammeOutlineView;
}

/**
 * Every change to a programme answers its whole outline, which replaces the cached one; the list and the
 * cohorts are read again where the change may show in them.
 */
export function useProgrammeEdits(orgId: string, programmeId: string) {
  const qc = useQueryClient();
  const took = (outline: ProgrammeOutlineView) => {
    qc.setQueryData(programmeKeys.one(programmeId), outline);
    return qc.invalidateQueries({ queryKey: programmeKeys.list(orgId) });
  };
  const refreshOnConflict = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409 && error.body.current) {
      qc.setQueryData(programmeKeys.one(programmeId), error.body.current);
    }
  };
  const outlineCall = (method: string, path: string) => (body?: unknown) =>
    api<ProgrammeOutlineView>(method, path, body);
  const then = { onSuccess: took, onError: refreshOnConflict };
  return {
    details: useOutlineMutation(then, (body: UpdateProgrammeBody) =>
      outlineCall('PATCH', `/api/programmes/${programmeId}`)(body),
    ),
    step: useOutlineMutation(then, (step: 'publish' | 'archive') =>
      outlineCall('POST', `/api/programmes/${programmeId}/${step}`)(),
    ),
    copy: useMutation({
      mutationFn: () => api<ProgrammeOutlineView>('POST', `/api/programmes/${programmeId}/copy`),
      onSuccess: () => qc.invalidateQueries({ queryKey: programmeKeys.list(orgId) }),
    }),
    cover: useOutlineMutation(then, (file: File) => putCover(programmeId, file)),
    addWeek: useOutlineMutation(then, (body: { title: string; catchUp: boolean }) =>
      outlineCall('POST', `/api/programmes/${programmeId}/weeks`)(body),
    ),
    changeWeek: useOutlineMutation(
      then,
      ({ weekId, ...body }: { weekId: string; title?: string; catchUp?: boolean; position?: number }) =>
        outlineCall('PATCH', `/api/programme-weeks/${weekId}`)(body),
    ),
    removeWeek: useOutlineMutation(then, (weekId: string) => outlineCall('DELETE', `/api/programme-weeks/${weekId}`)()),
    addThing: useOutlineMutation(then, (body: CreateThingBody) =>
      outlineCall('POST', `/api/programmes/${programmeId}/things`)(body),
    ),
    changeThing: useOutlineMutation(then, ({ thingId, ...body }: UpdateThingBody & { thingId: string }) =>
      outlineCall('PATCH', `/api/programme-things/${thingId}`)(body),
    ),
    removeThing: useOutlineMutation(then, (thingId: string) =>
      outlineCall('DELETE', `/api/programme-things/${thingId}`)(),
    ),
  };
}

/** A change that answers the whole outline (see useProgrammeEdits). */
function useOutlineMutation<V>(
  then: { onSuccess: (o: ProgrammeOutlineView) => unknown; onError: (e: unknown) => void },
  fn: (v: V) => Promise<ProgrammeOutlineView>,
) {
  return useMutation({ mutationFn: fn, ...then });
}

/** What an organiser sets on a cohort, opening it or changing it. */
export interface CohortFields {
  name: string;
  startsOn: string;
  capacity: number | null;
  joinBy: string | null;
}

export function useCohortEdits(programmeId: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: programmeKeys.cohorts(programmeId) });
  return {
    open: useMutation({
      mutationFn: (body: CohortFields) => api<CohortView>('POST', `/api/programmes/${programmeId}/cohorts`, body),
      onSuccess: refresh,
    }),
    change: useMutation({
      mutationFn: ({ cohortId, ...body }: { cohortId: string } & CohortFields) =>
        api<CohortView>('PATCH', `/api/programme-cohorts/${cohortId}`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (cohortId: string) => api<void>('DELETE', `/api/programme-cohorts/${cohortId}`),
      onSuccess: refresh,
    }),
  };
}
