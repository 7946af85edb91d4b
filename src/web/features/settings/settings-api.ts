import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingsView } from '../../../features/settings/settings.schema';
import { ApiError, api } from '../../lib/api';

// Types only: the server's Zod schema is the single source of this shape.
export type { SettingsView };
export type SettingsChange = Partial<Pick<SettingsView, 'timeZone' | 'checkinCadence' | 'emailOptOut'>>;

/** The same key the check-ins page uses when it changes the cadence, so both stay in step. */
export const settingsKey = ['settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api<SettingsView>('GET', '/api/settings') });
}

/**
 * Saves a change with the version it was made on. If the settings changed elsewhere meanwhile (409), the
 * current ones replace the form's, and the error says so.
 */
export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: SettingsChange & { version?: number }) => api<SettingsView>('PATCH', '/api/settings', change),
    onSuccess: (saved) => {
      qc.setQueryData(settingsKey, saved);
      return qc.invalidateQueries({ queryKey: ['checkins'] });
    },
    onError: (error) => {
      const current = error instanceof ApiError ? (error.body.current as SettingsView | undefined) : undefined;
      if (current) qc.setQueryData(settingsKey, current);
    },
  });
}

/** Every IANA time zone the browser knows, with UTC (which some lists leave out). */
export function timeZoneOptions(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
