import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Catalogue,
  CohortParticipants,
  CohortReflections,
  EnrolBody,
  EnrolmentSummary,
  EnrolmentView,
  ProgrammeOverview,
  ReflectionRequest,
  ThingView,
} from '../../../features/programmes/enrolments.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { Catalogue, CohortReflections, EnrolmentView, ProgrammeOverview, ThingView };

/** Everything about taking part hangs under one key: enrolling or writing progress reads it again. */
export const learningKeys = {
  all: ['programme-learning'] as const,
  catalogue: (orgId: string) => [...learningKeys.all, 'catalogue', orgId] as const,
  overview: (programmeId: string) => [...learningKeys.all, 'overview', programmeId] as const,
  enrolment: (enrolmentId: string) => [...learningKeys.all, 'enrolment', enrolmentId] as const,
  thing: (enrolmentId: string, thingId: string) => [...learningKeys.enrolment(enrolmentId), 'thing', thingId] as const,
  cohortThing: (cohortId: string, thingId: string) => [...learningKeys.all, 'cohort', cohortId, thingId] as const,
  participants: (cohortId: string) => [...learningKeys.all, 'cohort', cohortId, 'participants'] as const,
};

export const useCatalogue = (orgId: string) =>
  useQuery({
    queryKey: learningKeys.catalogue(orgId),
    queryFn: () => api<Catalogue>('GET', `/api/orgs/${orgId}/catalogue`),
  });

export const useOverview = (programmeId: string) =>
  useQuery({
    queryKey: learningKeys.overview(programmeId),
    queryFn: () => api<ProgrammeOverview>('GET', `/api/programmes/${programmeId}/overview`),
  });

export const useEnrolment = (enrolmentId: string | undefined) =>
  useQuery({
    queryKey: learningKeys.enrolment(enrolmentId ?? ''),
    queryFn: () => api<EnrolmentView>('GET', `/api/enrolments/${enrolmentId}`),
    enabled: Boolean(enrolmentId),
  });

export const useThing = (enrolmentId: string | undefined, thingId: string) =>
  useQuery({
    queryKey: learningKeys.thing(enrolmentId ?? '', thingId),
    queryFn: () => api<ThingView>('GET', `/api/enrolments/${enrolmentId}/things/${thingId}`),
    enabled: Boolean(enrolmentId),
    retry: false,
  });

export const useCohortReflections = (cohortId: string, thingId: string) =>
  useQuery({
    queryKey: learningKeys.cohortThing(cohortId, thingId),
    queryFn: () => api<CohortReflections>('GET', `/api/cohorts/${cohortId}/things/${thingId}/reflections`),
  });

export const useCohortParticipants = (cohortId: string) =>
  useQuery({
    queryKey: learningKeys.participants(cohortId),
    queryFn: () => api<CohortParticipants>('GET', `/api/cohorts/${cohortId}/participants`),
  });

/** Enrolling, leaving, marking tried and reflecting: each reads taking part again. */
export function useLearningActions(programmeId: string, enrolmentId?: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: learningKeys.all });
  return {
    enrol: useMutation({
      mutationFn: (body: EnrolBody) => api<EnrolmentSummary>('POST', `/api/programmes/${programmeId}/enrolments`, body),
      onSuccess: refresh,
    }),
    leave: useMutation({
      mutationFn: () => api<EnrolmentSummary>('POST', `/api/enrolments/${enrolmentId}/leave`),
      onSuccess: refresh,
    }),
    tried: useMutation({
      mutationFn: ({ thingId, tried }: { thingId: string; tried: boolean }) =>
        api<EnrolmentView>('PUT', `/api/enrolments/${enrolmentId}/things/${thingId}/tried`, { tried }),
      onSuccess: refresh,
    }),
    reflect: useMutation({
      mutationFn: ({ thingId, body }: { thingId: string; body: ReflectionRequest }) =>
        api<EnrolmentView>('POST', `/api/enrolments/${enrolmentId}/things/${thingId}/reflection`, body),
      onSuccess: refresh,
    }),
  };
}
