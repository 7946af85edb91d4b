import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { DataDirInUseError, DataDirUnwritableError, LOCK_FILE, lockDataDir } from './data-dir-lock.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-lock-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const freshDir = () => fs.mkdtempSync(path.join(root, 'data-'));

describe('one process per PGlite data directory', () => {
  it('refuses a second opener at once, naming the holder', () => {
    const dir = freshDir();
    const held = lockDataDir(dir);
    const started = Date.now();
    let refused: unknown;
    try {
      lockDataDir(dir);
    } catch (err) {
      refused = err;
    }
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(refused).toBeInstanceOf(DataDirInUseError);
    const message = (refused as Error).message;
    expect(message).toContain(dir);
    expect(message).toContain(`pid ${process.pid}`);
    expect(message).toMatch(/since \d{4}-\d\d-\d\dT/);
    held.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir).release();
  });

  it('takes over the lock of a process that is gone', () => {
    const dir = freshDir();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = Number(dead.stdout.trim());
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid, host: os.hostname(), command: 'killed', since: '2026-01-01T00:00:00Z', token: 'old' }),
    );
    const held = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
    held.release();
  });

  it('tells `npm run db:migrate` beside a running server to stop the server first', { timeout: 60_000 }, async () => {
    const dir = freshDir();
    const held = lockDataDir(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/db/migrate-cli.ts'], {
      env: { PATH: process.env.PATH, WAYMARK_DATA_DIR: dir, npm_lifecycle_event: 'db:migrate' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    held.release();
    expect(code).toBe(1);
    expect(output).toContain(`pid ${process.pid}`);
    expect(output).toContain('Stop the Waymark server first, then run `npm run db:migrate` again.');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('names the directory and the cause at once when it cannot be written', async () => {
    const file = path.join(root, 'not-a-directory');
    fs.writeFileSync(file, '');
    const started = Date.now();
    const opening = openDatabase({ kind: 'pglite', dataDir: path.join(file, 'data') });
    await expect(opening).rejects.toBeInstanceOf(DataDirUnwritableError);
    await expect(opening).rejects.toThrow(/cannot write to its data directory .*not-a-directory\/data: ENOTDIR/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
