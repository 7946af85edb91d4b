import type { CreateLogBody } from '../../features/log/log.schema';
import type { MeView } from '../../features/me/me.schema';

/*
 * What Waymark keeps on the device, in IndexedDB (docs/decisions/2026-12-05-offline-quick-capture.md): quick
 * captures made without a connection, until the server has acknowledged them, and who was signed in last, so
 * that the app opens offline. Both are per person: captures carry the user id they were made by and are only
 * ever listed or sent for that person; signing out removes that person's records. Loaded only when needed (a
 * chunk of its own, never part of the first load).
 */

/** A capture kept on the device: its request as it will be sent (with its capture key), and why it was refused. */
export interface KeptCapture {
  key: string;
  userId: string;
  body: CreateLogBody & { captureKey: string };
  keptAt: string;
  /** The server's answer when it refused the capture: the person edits or discards it. */
  refused?: { message: string; fields: Record<string, string> };
}

const DB_NAME = 'waymark-device';
const CAPTURES = 'captures';
const IDENTITY = 'identity';
const LAST_SIGNED_IN = 'last-signed-in';

let opened: Promise<IDBDatabase> | undefined;

function openDb(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore(CAPTURES, { keyPath: 'key' }).createIndex('userId', 'userId');
      db.createObjectStore(IDENTITY);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opened = undefined;
      reject(req.error);
    };
  });
  return opened;
}

/** Runs `work` in one transaction and resolves with its last request's result once the transaction commits. */
async function inStore<T>(
  store: string,
  mode: IDBTransactionMode,
  work: (s: IDBObjectStore) => IDBRequest<T> | undefined,
): Promise<T> {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const req = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(req?.result as T);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Tells this tab's and the other tabs' lists of kept captures to read again. */
export const CAPTURES_CHANNEL = 'waymark-kept-captures';
function announce() {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CAPTURES_CHANNEL);
  channel.postMessage('changed');
  channel.close();
}

/** Keeps a capture on the device until the server has it (or the person discards it). */
export async function keepCapture(userId: string, body: KeptCapture['body']) {
  const kept: KeptCapture = { key: body.captureKey, userId, body, keptAt: new Date().toISOString() };
  await inStore(CAPTURES, 'readwrite', (s) => s.put(kept));
  announce();
  return kept;
}

/** The person's kept captures, oldest first (the order they are sent in). */
export async function keptCaptures(userId: string): Promise<KeptCapture[]> {
  const all = await inStore<KeptCapture[]>(CAPTURES, 'readonly', (s) => s.index('userId').getAll(userId));
  return all.sort((a, b) => a.keptAt.localeCompare(b.keptAt));
}

/** A refused capture edited by the person: waiting to be sent again, with the same key. */
export async function changeCapture(capture: KeptCapture, body: Omit<KeptCapture['body'], 'captureKey'>) {
  const { refused: _refused, ...rest } = capture;
  await inStore(CAPTURES, 'readwrite', (s) => s.put({ ...rest, body: { ...body, captureKey: capture.key } }));
  announce();
}

export async function markRefused(capture: KeptCapture, refused: NonNullable<KeptCapture['refused']>) {
  await inStore(CAPTURES, 'readwrite', (s) => s.put({ ...capture, refused }));
  announce();
}

/** Acknowledged by the server, or discarded by the person. */
export async function dropCapture(key: string) {
  await inStore(CAPTURES, 'readwrite', (s) => s.delete(key));
  announce();
}

/** Who was signed in last on this device, to open the app without a connection. */
export const rememberSignedIn = (me: MeView) => inStore(IDENTITY, 'readwrite', (s) => s.put(me, LAST_SIGNED_IN));
export const lastSignedIn = () => inStore<MeView | undefined>(IDENTITY, 'readonly', (s) => s.get(LAST_SIGNED_IN));
export const forgetSignedIn = () => inStore(IDENTITY, 'readwrite', (s) => s.delete(LAST_SIGNED_IN));

/** Signing out: nothing of the person stays on the device, neither who they are nor what they kept. */
export async function forgetPerson(userId: string) {
  const keys = (await keptCaptures(userId)).map((c) => c.key);
  await inStore(CAPTURES, 'readwrite', (s) => {
    for (const key of keys) s.delete(key);
    return undefined;
  });
  await forgetSignedIn();
  announce();
}
