import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, api } from '../../lib/api';
import { afterFirstPage } from '../../lib/first-page';
import { type CreateLogBody, type LogEntryView, logKeys } from './log-api';

/*
 * Quick capture without a connection (docs/decisions/2026-12-05-offline-quick-capture.md): what cannot be sent
 * now is kept on the device (lib/device-store.ts) and sent when the connection returns, never twice. The
 * device store and the sending are chunks of their own, loaded on first use: they cost the first load nothing.
 */
const deviceStore = () => import('../../lib/device-store');
const captureSync = () => import('./capture-sync');

/** A capture's own key, made once per capture: the server makes one entry per key, however often it is sent. */
export function newCaptureKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export type CaptureResult = { entry: LogEntryView; kept?: never } | { kept: true; entry?: never };

/** Whether a failed capture may succeed later as it is: no connection, or the server away for a moment. */
const worthKeeping = (e: unknown) => e instanceof ApiError && (e.status === 0 || e.status === 503);

/**
 * Sends a capture; when the device is offline or the server cannot be reached, keeps it on the device instead
 * (for `userId` only) and answers `kept`. A refusal (bad input) is thrown as usual, for the form to show.
 */
export async function sendOrKeep(userId: string, body: CreateLogBody & { captureKey: string }): Promise<CaptureResult> {
  if (navigator.onLine) {
    try {
      return { entry: await api<LogEntryView>('POST', '/api/log', body) };
    } catch (e) {
      if (!worthKeeping(e)) throw e;
    }
  }
  await (await deviceStore()).keepCapture(userId, body);
  return { kept: true };
}

/**
 * Quick capture: sent at once when it can be, else kept on the device (`kept`). Either way the log shows it
 * (as an entry, or as waiting to sync) when next shown. Runs offline too: it never waits for a connection.
 */
export function useCaptureLearning(userId: string, onDone: (result: CaptureResult) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLogBody) =>
      sendOrKeep(userId, { ...body, captureKey: body.captureKey ?? newCaptureKey() }),
    networkMode: 'always',
    onSuccess: (result) => {
      void qc.invalidateQueries({ queryKey: result.kept ? logKeys.kept(userId) : logKeys.all });
      onDone(result);
    },
  });
}

/** The person's captures kept on this device for one organisation, oldest first. */
export function useKeptCaptures(userId: string, orgId: string) {
  return useQuery({
    queryKey: logKeys.kept(userId),
    queryFn: async () => (await deviceStore()).keptCaptures(userId),
    // IndexedDB answers without a connection: never wait for one.
    networkMode: 'always',
    staleTime: Number.POSITIVE_INFINITY,
    select: (captures) => captures.filter((c) => c.body.organizationId === orgId),
  });
}

/**
 * While captures wait and the connection seems up, try again soon, then less often: the network may take a
 * moment after the browser says it is back, or the server may have been away (2 s, doubling, at most 30 s).
 */
const FIRST_RETRY_MS = 2_000;
const RETRY_MS = 30_000;

/**
 * Sends the person's kept captures when the app starts, when the connection returns, when one is kept or
 * corrected, and every 30 s while online; and keeps every tab's list of them current. Mounted once, with the signed-in layout's quick capture.
 */
export function useSendKeptCaptures(userId: string) {
  const qc = useQueryClient();
  useEffect(() => {
    let stopped = false;
    let sending = false;
    let retryIn = FIRST_RETRY_MS;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => qc.invalidateQueries({ queryKey: logKeys.kept(userId) });
    const send = async () => {
      if (sending || stopped || !navigator.onLine) return;
      sending = true;
      try {
        const kept = await (await deviceStore()).keptCaptures(userId);
        if (!kept.some((c) => !c.refused)) return;
        const { sent, waiting } = await (await captureSync()).sendKeptCaptures(userId);
        if (sent > 0) void qc.invalidateQueries({ queryKey: logKeys.all });
        clearTimeout(retry);
        if (waiting && !stopped) {
          retry = setTimeout(send, retryIn);
          retryIn = Math.min(retryIn * 2, RETRY_MS);
        } else retryIn = FIRST_RETRY_MS;
      } catch {
        // IndexedDB unavailable (a private window may refuse it): nothing was kept, nothing to send.
      } finally {
        sending = false;
      }
    };
    // Once the first page is drawn: the device store's code and IndexedDB are not the page's to wait for.
    void afterFirstPage().then(send);
    const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
    // A capture kept, corrected or sent (here or in another tab): show it, and send what can be sent.
    if (channel)
      channel.onmessage = () => {
        void refresh();
        void send();
      };
    window.addEventListener('online', send);
    const timer = setInterval(send, RETRY_MS);
    return () => {
      stopped = true;
      clearTimeout(retry);
      channel?.close();
      window.removeEventListener('online', send);
      clearInterval(timer);
    };
  }, [qc, userId]);
}

/** The same name as lib/device-store.ts's CAPTURES_CHANNEL, without loading it to read it. */
const CHANNEL = 'waymark-kept-captures';
