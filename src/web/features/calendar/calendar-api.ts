import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeedView } from '../../../features/calendar/calendar.schema';
import { api } from '../../lib/api';
import { settingsKeys } from '../settings/settings-api';

// The feed keeps nothing in the query cache of its own: whether it is on is part of the person's settings.

/**
 * Making a feed link (shown once: the server keeps only a fingerprint) and turning it off. Either changes the
 * settings' version, which the settings page's form must see, so the settings are read again after both.
 */
export function useCalendarFeedActions(on: { made: (feed: CalendarFeedView) => void; turnedOff: () => void }) {
  const qc = useQueryClient();
  const refreshSettings = () => qc.invalidateQueries({ queryKey: settingsKeys.mine });
  return {
    make: useMutation({
      mutationFn: () => api<CalendarFeedView>('POST', '/api/calendar/feed'),
      onSuccess: on.made,
      onSettled: refreshSettings,
    }),
    turnOff: useMutation({
      mutationFn: () => api<void>('DELETE', '/api/calendar/feed'),
      onSuccess: on.turnedOff,
      onSettled: refreshSettings,
    }),
  };
}
