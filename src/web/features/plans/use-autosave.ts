import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'retrying' | 'invalid' | 'conflict';

interface Versioned {
  id: string;
  version: number;
}

const SAVE_DELAY_MS = 700;
const draftKey = (draftId: string) => `waymark:draft:${draftId}`;
/** Drops the draft of an item that is gone (removed), so it is never offered again. */
export const forgetDraft = (draftId: string) => localStorage.removeItem(draftKey(draftId));
const fieldsOf = <T extends object>(item: T) => {
  const { version: _v, updatedAt: _u, id: _i, ...rest } = item as Record<string, unknown>;
  return rest;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Edits of one item, saved as the learner types. Every edit goes to localStorage first (as the draft named
 * `draftId`), so a reload or a crash loses nothing; `write` sends the changed fields with the version edited; a
 * failed save retries with back-off and is never dropped; a stale save (409) stops and hands both versions to
 * the page to choose.
 */
export function useAutosave<T extends Versioned>(
  draftId: string,
  server: T,
  write: (changes: Record<string, unknown> & { version: number }) => Promise<T>,
  onSaved: (item: T) => void,
) {
  const [draft, setDraft] = useState<T>(() => restoreDraft(draftId, server) ?? server);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [theirs, setTheirs] = useState<T | null>(null);
  const base = useRef(server); // the server's copy our draft is based on
  const latest = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const attempt = useRef(0);
  const inFlight = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const writeRef = useRef(write);
  writeRef.current = write;

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    if (inFlight.current) return; // the running save schedules another when it ends
    const sending = latest.current;
    const changes = Object.fromEntries(
      Object.entries(fieldsOf(sending)).filter(([k, v]) => !same(v, (base.current as Record<string, unknown>)[k])),
    );
    if (Object.keys(changes).length === 0) {
      localStorage.removeItem(draftKey(draftId));
      setStatus('saved');
      return;
    }
    inFlight.current = true;
    setStatus(attempt.current > 0 ? 'retrying' : 'saving');
    try {
      const saved = await writeRef.current({ ...changes, version: base.current.version });
      attempt.current = 0;
      base.current = saved;
      setFieldErrors({});
      onSavedRef.current(saved);
      // Edits made while this save was in flight stay in the draft and go in the next save.
      const pending = Object.entries(fieldsOf(latest.current)).some(
        ([k, v]) => !same(v, (saved as Record<string, unknown>)[k]),
      );
      latest.current = { ...latest.current, version: saved.version };
      if (pending) {
        persist(draftId, latest.current, saved.version);
        timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
        setStatus('unsaved');
      } else {
        localStorage.removeItem(draftKey(draftId));
        setStatus('saved');
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setTheirs((e.body.current as T) ?? null);
        setStatus('conflict');
      } else if (e instanceof ApiError && e.status === 400) {
        setFieldErrors(e.fields);
        setStatus('invalid');
      } else {
        // Offline, a restart, a 5xx: keep the draft and try again, waiting longer each time (at most 30 s).
        attempt.current += 1;
        setStatus('retrying');
        timer.current = setTimeout(() => void save(), Math.min(30_000, 1000 * 2 ** (attempt.current - 1)));
      }
    } finally {
      inFlight.current = false;
    }
  }, [draftId]);

  const change = useCallback(
    (fields: Partial<T>) => {
      const next = { ...latest.current, ...fields };
      latest.current = next;
      setDraft(next);
      persist(draftId, next, base.current.version);
      if (status !== 'conflict') {
        setStatus('unsaved');
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
      }
    },
    [draftId, save, status],
  );

  /** Resolves a conflict: keep my wording over theirs, or take theirs. */
  const resolve = useCallback(
    (choice: 'mine' | 'theirs') => {
      if (!theirs) return;
      base.current = theirs;
      setTheirs(null);
      if (choice === 'theirs') {
        latest.current = theirs;
        setDraft(theirs);
        localStorage.removeItem(draftKey(draftId));
        onSavedRef.current(theirs);
        setStatus('saved');
      } else {
        void save();
      }
    },
    [theirs, draftId, save],
  );

  // A draft restored from an earlier visit: save it now, or show the conflict if the item moved on meanwhile.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, for the draft found on mount
  useEffect(() => {
    const stored = readDraft(draftId);
    if (!stored) return;
    if (stored.baseVersion === server.version) void save();
    else {
      setTheirs(server);
      setStatus('conflict');
    }
  }, []);

  // Leaving with unsaved edits: ask first (the draft is kept in localStorage either way).
  useEffect(() => {
    if (status === 'saved') return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [status]);

  // The item changed on the server through another action (a restore, a removal that unlinked it): with no
  // edits of ours pending, simply take the new version.
  useEffect(() => {
    if (server.version > base.current.version && status === 'saved') {
      base.current = server;
      latest.current = server;
      setDraft(server);
    }
  }, [server, status]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { draft, change, status, fieldErrors, theirs, resolve, saveNow: save };
}

function persist(draftId: string, item: object, baseVersion: number) {
  try {
    localStorage.setItem(draftKey(draftId), JSON.stringify({ item, baseVersion }));
  } catch {
    // Storage full or disabled: autosave still works, only a reload mid-save could lose the last edit.
  }
}

function readDraft(draftId: string): { item: object; baseVersion: number } | null {
  try {
    return JSON.parse(localStorage.getItem(draftKey(draftId)) ?? 'null');
  } catch {
    return null;
  }
}

function restoreDraft<T>(draftId: string, server: T): T | null {
  const stored = readDraft(draftId);
  return stored ? ({ ...server, ...stored.item } as T) : null;
}
