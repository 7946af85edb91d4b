/**
 * An award stopped by `kill -9` part way, on the compiled server (issue 20's reliability check, run on demand):
 * a fresh seed gets 1,000 more members, an L&D admin awards them one achievement, and the server is killed
 * five seconds in. Started again on the same data, it is asked what the award left: how many badges were
 * stored, whether each of them verifies (the public verify route, signed out), and what sending the same award
 * again does (the rest awarded, none twice, every status-list position different). Prints one line per check
 * and exits 1 if any fails.
 *
 *   npx tsx bench/award-killed.ts [pglite|postgres]
 */
import type { ChildProcess } from 'node:child_process';
import { agent, prepare, request, signIn, startServer } from './award-http.js';

type AwardListed = { id: string; recipientMemberId: string };

const stop = async (server: ChildProcess, signal: NodeJS.Signals) => {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill(signal);
  await exited;
};

async function awardsOf(cookie: string, achievementId: string): Promise<AwardListed[]> {
  const answer = await request('GET', `/api/achievements/${achievementId}`, cookie);
  return (JSON.parse(answer.body) as { awards: AwardListed[] }).awards;
}

/** Checks each stored credential through the public verify route, as anyone would. */
async function verifiedCount(awards: AwardListed[]): Promise<number> {
  let valid = 0;
  for (const award of awards) {
    const shown = JSON.parse((await request('GET', `/api/credentials/${award.id}`, '')).body);
    const checked = await request('POST', '/api/credentials/verify', '', { credential: shown.credential });
    if (checked.status === 200 && JSON.parse(checked.body).status === 'valid') valid++;
  }
  return valid;
}

async function statusPositions(awards: AwardListed[]): Promise<number> {
  const positions = new Set<string>();
  for (const award of awards) {
    const shown = JSON.parse((await request('GET', `/api/credentials/${award.id}`, '')).body);
    positions.add(String(shown.credential.credentialStatus.statusListIndex));
  }
  return positions.size;
}

const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const { env, memberIds, cleanup } = await prepare(kind);
const failures: string[] = [];
const check = (ok: boolean, line: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
  if (!ok) failures.push(line);
};
try {
  let server = await startServer(env);
  const admin = await signIn('tom.lindqvist@riverside.example');
  const me = JSON.parse((await request('GET', '/api/me', admin)).body);
  const orgId = me.memberships[0].organizationId as string;
  const created = await request('POST', `/api/orgs/${orgId}/achievements`, admin, {
    name: 'Cohort',
    description: 'Completed the programme.',
    criteria: 'Every week tried and reflected on.',
  });
  const achievementId = JSON.parse(created.body).id as string;
  const route = `/api/achievements/${achievementId}/awards`;
  const award = { memberIds, reason: 'Cohort completed' };

  const cut = request('POST', route, admin, award).then(
    (a) => `answered ${a.status}`,
    (err: Error) => `no answer (${err.message})`,
  );
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  await stop(server, 'SIGKILL');
  console.log(`the award, killed after 5 s: ${await cut}`);

  const restarting = performance.now();
  server = await startServer(env);
  console.log(`started again on the same data: healthy in ${(performance.now() - restarting).toFixed(0)} ms`);
  const again = await signIn('tom.lindqvist@riverside.example');
  const left = await awardsOf(again, achievementId);
  check(
    left.length > 0 && left.length < memberIds.length,
    `${left.length} of ${memberIds.length} stored before the kill`,
  );
  const valid = await verifiedCount(left);
  check(valid === left.length, `${valid} of those ${left.length} verify`);

  const resent = JSON.parse((await request('POST', route, again, award)).body);
  check(
    resent.awards.length === memberIds.length - left.length && resent.alreadyHeld.length === left.length,
    `sent again: ${resent.awards.length} awarded, ${resent.alreadyHeld.length} answered as holding it already`,
  );
  const all = await awardsOf(again, achievementId);
  const recipients = new Set(all.map((a) => a.recipientMemberId));
  check(
    all.length === memberIds.length && recipients.size === memberIds.length,
    `${all.length} badges for ${recipients.size} members`,
  );
  const positions = await statusPositions(all);
  check(positions === all.length, `${positions} different status-list positions`);
  await stop(server, 'SIGTERM');
} finally {
  await cleanup();
  agent.destroy();
}
process.exit(failures.length === 0 ? 0 : 1);
