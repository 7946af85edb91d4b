import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createOwnPostgresDatabase } from '../test/own-postgres.js';
import { startWaymark, WaymarkExitedError, type WaymarkProcess } from '../test/server-process.js';

/*
 * Instances on one PostgreSQL database must sign sessions with one AUTH_SECRET (issue 16): the real server,
 * started as a supervisor starts it, refuses a second secret at start-up. PostgreSQL only: PGlite is one process.
 */

const runUrl = inject('testDatabaseUrl');
const SECRET_A = 'instance-secret-a-that-is-long-enough-0123456789';
const SECRET_B = 'instance-secret-b-that-is-long-enough-9876543210';

describe.runIf(runUrl)('one AUTH_SECRET for every instance on a database', () => {
  const dataDirs: string[] = [];
  const running: WaymarkProcess[] = [];
  let dropDatabase: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const server of running) await server.kill();
    await dropDatabase?.();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** An instance with a data directory of its own, as on its own machine. */
  const instance = (databaseUrl: string, env: Record<string, string>) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-instance-'));
    dataDirs.push(dataDir);
    return startWaymark({ DATABASE_URL: databaseUrl, WAYMARK_DATA_DIR: dataDir, ...env });
  };
  const refusal = async (start: Promise<WaymarkProcess>) => {
    const err = await start.then(
      (server) => {
        running.push(server);
        throw new Error(`it started:\n${server.output()}`);
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WaymarkExitedError);
    return err as WaymarkExitedError;
  };

  it('starts a second instance with the same secret, refuses another one, and changes it on purpose', {
    timeout: 300_000,
  }, async () => {
    const own = await createOwnPostgresDatabase(runUrl as string);
    dropDatabase = own.drop;

    const first = await instance(own.url, { AUTH_SECRET: SECRET_A });
    running.push(first);
    const second = await instance(own.url, { AUTH_SECRET: SECRET_A });
    running.push(second);
    // A session begun on one instance is good on the other, as a load balancer without sticky sessions needs.
    const signUp = await fetch(`${first.url}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada Instance', email: 'ada@example.test', password: 'compilers-rule' }),
    });
    expect(signUp.status, await signUp.clone().text()).toBe(201);
    const cookie = signUp.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const me = await fetch(`${second.url}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);

    // Another secret, and none (an instance then makes its own): both refused, each told what to do.
    const [other, generated] = await Promise.all([
      refusal(instance(own.url, { AUTH_SECRET: SECRET_B })),
      refusal(instance(own.url, { AUTH_SECRET: '' })),
    ]);
    expect(other.exit.code).toBe(1);
    expect(other.output).toMatch(/AUTH_SECRET differs from the secret that the other instances on this database/);
    expect(other.output).not.toContain(SECRET_A);
    expect(generated.exit.code).toBe(1);
    expect(generated.output).toMatch(/AUTH_SECRET is not set, so this instance made its own secret/);

    // The operator changes the secret: the instances stop, one starts with the new secret and the flag.
    await first.kill('SIGTERM');
    await second.kill('SIGTERM');
    const rotated = await instance(own.url, { AUTH_SECRET: SECRET_B, AUTH_SECRET_ROTATE: 'true' });
    running.push(rotated);
    expect(rotated.output()).toMatch(/AUTH_SECRET_ROTATE: this AUTH_SECRET is now the one every instance must use/);
    const old = await refusal(instance(own.url, { AUTH_SECRET: SECRET_A }));
    expect(old.exit.code).toBe(1);
    const next = await instance(own.url, { AUTH_SECRET: SECRET_B });
    running.push(next);
    expect((await fetch(`${next.url}/api/ready`)).status).toBe(200);
  });
});
