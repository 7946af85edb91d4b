import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * One process per PGlite data directory. PGlite is PostgreSQL in this process's memory: a second process on
 * the same files (a seed or a migration beside the running server) writes over pages the first one still
 * holds, and the directory can end up unopenable. So every opener takes `waymark.lock` in the directory
 * first: created exclusively (O_EXCL), naming the holder; a lock whose process is gone is taken over.
 */

export const LOCK_FILE = 'waymark.lock';

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
  token: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const where = holder.host === os.hostname() ? '' : ` on ${holder.host}`;
    super(
      `The data directory ${dataDir} is in use by another Waymark process${where} (pid ${holder.pid}, ` +
        `"${holder.command}", since ${holder.since}). Only one process may open it at a time: stop that one first. ` +
        `If no such process runs, remove ${path.join(dataDir, LOCK_FILE)}.`,
    );
  }
}

export class DataDirUnwritableError extends Error {
  constructor(dataDir: string, cause: NodeJS.ErrnoException) {
    // Node's message starts with the code already ("EROFS: read-only file system, open …").
    super(`Waymark cannot write to its data directory ${dataDir}: ${cause.message}`);
  }
}

export interface DataDirLock {
  release(): void;
}

function describeCommand(): string {
  const script = process.env.npm_lifecycle_event;
  if (script) return `npm run ${script}`;
  return process.argv
    .slice(1)
    .map((a) => path.relative(process.cwd(), a) || a)
    .join(' ');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : undefined;
  } catch {
    return undefined; // gone, or half-written by a process that died while writing it
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function writeNew(file: string, holder: LockHolder): void {
  const fd = fs.openSync(file, 'wx');
  try {
    fs.writeSync(fd, JSON.stringify(holder));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Replaces a dead holder's lock. Two processes may find the same stale lock at once: only the one that
 * creates `waymark.lock.takeover` (exclusively) replaces it, and only if it still names the dead holder;
 * the replacement is a rename, so the lock file is never missing or half-written.
 */
function takeOver(file: string, stale: LockHolder | undefined, holder: LockHolder): boolean {
  const guard = `${file}.takeover`;
  try {
    writeNew(guard, holder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const other = readHolder(guard);
    // A taker-over that died mid-way leaves its guard: clear it and try again.
    if ((!other && ageMs(guard) > 2_000) || (other && !isAlive(other.pid))) fs.rmSync(guard, { force: true });
    else sleep(50);
    return false;
  }
  try {
    const now = readHolder(file);
    if (now?.token !== stale?.token) return false; // someone else replaced it meanwhile: look again
    const temp = `${file}.${process.pid}.${holder.token}`;
    fs.writeFileSync(temp, JSON.stringify(holder));
    fs.renameSync(temp, file);
    return true;
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/**
 * Takes the data directory for this process, or throws DataDirInUseError naming the process that holds it
 * (DataDirUnwritableError if the directory cannot be written at all, e.g. a read-only mount). Released by
 * `release()` and, whatever happens, when the process exits; a kill -9 leaves a lock the next opener takes over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    command: describeCommand(),
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      writeNew(file, holder);
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new DataDirUnwritableError(dataDir, err as NodeJS.ErrnoException);
    }
    if (attempt > 100) throw new Error(`Could not take the lock ${file}: it keeps changing.`);
    const current = readHolder(file);
    if (current && (current.host !== holder.host || isAlive(current.pid))) {
      throw new DataDirInUseError(dataDir, current);
    }
    if (!current && ageMs(file) < 2_000) {
      sleep(20); // being written by a process that has just created it
      continue;
    }
    if (takeOver(file, current, holder)) break;
  }

  const release = () => {
    process.off('exit', release);
    if (readHolder(file)?.token === holder.token) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { release };
}
