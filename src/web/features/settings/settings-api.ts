import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnsubscribeView } from '../../../features/notifications/unsubscribe.schema';
import type { SettingsView, UpdateSettingsBody } from '../../../features/settings/settings.schema';
import { ApiError, api } from '../../lib/api';
import { type CheckinCadence, checkinKeys } from '../checkins/checkins-api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { SettingsView, UnsubscribeView };
export type SettingsChange = Pick<UpdateSettingsBody, 'timeZone' | 'checkinCadence' | 'emailOptOut'>;

export const settingsKeys = {
  all: ['settings'] as const,
  /** The signed-in person's settings: the settings page, the calendar feed section and the check-in cadence. */
  mine: ['settings', 'mine'] as const,
  /** What a reminder e-mail's unsubscribe link turns off (no sign-in: the token is the proof). */
  unsubscribe: (token: string) => [...settingsKeys.all, 'unsubscribe', token] as const,
};

export function useSettings() {
  return useQuery({ queryKey: settingsKeys.mine, queryFn: () => api<SettingsView>('GET', '/api/settings') });
}

/**
 * Saves a change with the version it was made on. If the settings changed elsewhere meanwhile (409), the
 * current ones replace the form's, and the error says so. Due check-ins follow the cadence and time zone.
 */
export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: SettingsChange & { version?: number }) =>
      api<SettingsView>('PATCH', '/api/settings', change satisfies UpdateSettingsBody),
    onSuccess: (saved) => {
      qc.setQueryData(settingsKeys.mine, saved);
      return qc.invalidateQueries({ queryKey: checkinKeys.all });
    },
    onError: (error) => {
      const current = error instanceof ApiError ? (error.body.current as SettingsView | undefined) : undefined;
      if (current) qc.setQueryData(settingsKeys.mine, current);
    },
  });
}

/** Changes the check-in cadence from a plan's check-ins (a setting of the learner's, for all plans). */
export function useSetCadence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (checkinCadence: CheckinCadence) =>
      api('PATCH', '/api/settings', { checkinCadence } satisfies UpdateSettingsBody),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: checkinKeys.all }),
        qc.invalidateQueries({ queryKey: settingsKeys.mine }),
      ]),
  });
}

const unsubscribeUrl = (token: string) => `/api/unsubscribe?token=${encodeURIComponent(token)}`;

/** What the link turns off, and whether it is off already; waits for a token. */
export function useUnsubscribeInfo(token: string) {
  return useQuery({
    queryKey: settingsKeys.unsubscribe(token),
    queryFn: () => api<UnsubscribeView>('GET', unsubscribeUrl(token)),
    enabled: token !== '',
    retry: false,
  });
}

/**
 * Turns the reminder's e-mails off. Signed in in this browser, the person's settings (whose opt-outs just
 * changed) are read again when next shown.
 */
export function useUnsubscribe(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<UnsubscribeView>('POST', unsubscribeUrl(token)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: settingsKeys.mine });
    },
  });
}

/** Every IANA time zone the browser knows, with UTC (which some lists leave out). */
export function timeZoneOptions(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
