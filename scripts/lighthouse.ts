import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import lighthouse, { desktopConfig } from 'lighthouse';
import { signIn } from '../bench/api.js';
import { createReadPlan } from '../bench/plan-fixture.js';
import { root } from './build-inputs.mjs';
import {
  type Measure,
  medianRun,
  type Page,
  PRESETS,
  type Preset,
  shortfalls,
  THRESHOLDS,
  table,
} from './lighthouse-report.js';

/*
 * `npm run lighthouse` (issues 17 and 18): Lighthouse 12 on the pages people open most (sign-in, home, a plan)
 * and L&D's insights, mobile and desktop presets, against the built app as `npm start` runs it (compiled server, NODE_ENV=production,
 * precompressed files) on a fresh PGlite data directory. A learner is signed up and given a full plan through
 * the API; Lighthouse sends their session cookie with every request. Prints the performance, accessibility and best-practices scores and LCP/TBT/CLS, and exits 1
 * below the thresholds in lighthouse-report.ts. Nothing is fetched from the internet.
 *
 *   npm run lighthouse [-- --runs 3] [--report-dir lighthouse-reports] [--pages home,plan] [--presets mobile]
 *
 * Each page and preset runs `--runs` times (default 3) and the median by score is reported, as Lighthouse
 * advises: one run on a busy 2-core machine can be a few points off. The `machine` column is Lighthouse's
 * benchmark index of this machine at the time of the run: well under 1,000 means it was busy.
 */

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function stopChild(child: ChildProcess): Promise<void> {
  children.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The compiled server on a fresh PGlite data directory, answering /api/health. */
async function startServer(dataDir: string) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/server/main.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      BASE_URL: baseUrl,
      WAYMARK_DATA_DIR: dataDir,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      MAIL_TRANSPORT: 'outbox',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.add(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}) before it answered`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { baseUrl, stop: () => stopChild(child) };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stopChild(child);
  throw new Error('the server did not answer /api/health within 60 s');
}

/** Debian's Chromium, headless, with a DevTools port for Lighthouse (no chrome-launcher needed). */
async function startChrome(profileDir: string) {
  if (!fs.existsSync(CHROME)) {
    throw new Error(`Chromium is missing at ${CHROME}: apt-get install -y chromium (or set CHROME_PATH).`);
  }
  const args = [
    '--headless=new',
    '--remote-debugging-port=0',
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-extensions',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // The machines run as root in containers, where Chromium's sandbox cannot start.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    'about:blank',
  ];
  const child = spawn(CHROME, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port within 30 s:\n${text}`)), 30_000);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      text += chunk;
      const m = text.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (code ${code}):\n${text}`)));
  });
  return { port, stop: () => stopChild(child) };
}

async function measure(
  port: number,
  page: Page,
  preset: Preset,
  cookie: string | undefined,
  reportDir: string | undefined,
  run: number,
): Promise<Measure> {
  const result = await lighthouse(
    page.url,
    {
      port,
      logLevel: 'error',
      output: 'html',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${page.url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${page.url}: ${lhr.runtimeError.message}`);
  // A page that ended somewhere else (the sign-in page for a session that did not count) measures the wrong thing.
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(page.url).pathname) {
    throw new Error(`${page.url} ended at ${lhr.finalDisplayedUrl}`);
  }
  if (reportDir) {
    fs.mkdirSync(reportDir, { recursive: true });
    fs.writeFileSync(path.join(reportDir, `${page.name}-${preset}-${run}.html`), result.report as string);
    // The whole result too, for reading an audit's details (the LCP's phases, the critical chain) with a script.
    fs.writeFileSync(path.join(reportDir, `${page.name}-${preset}-${run}.json`), JSON.stringify(lhr));
  }
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    page: page.name,
    preset,
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    bestPractices: Math.round((lhr.categories['best-practices']?.score ?? 0) * 100),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

async function main() {
  const runs = Number(option('runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number from 1');
  const reportDir = option('report-dir');

  // What `npm start` runs, built only if its sources changed.
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-if-changed.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);

  // Lighthouse multiplies the time the page's work took here by 4 (mobile): a machine busy with something else
  // (a benchmark, a test suite) makes every page slower and the scores jump about.
  const [load] = os.loadavg();
  if ((load ?? 0) > os.availableParallelism()) {
    console.warn(
      `This machine is busy (load ${load?.toFixed(1)} on ${os.availableParallelism()} cores): scores will be lower.`,
    );
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-lighthouse-'));
  const server = await startServer(path.join(tmp, 'data'));
  const chrome = await startChrome(path.join(tmp, 'chrome'));
  try {
    const session = await signIn(server.baseUrl);
    const planId = await createReadPlan(session);
    const org = `${server.baseUrl}/orgs/${session.organizationId}`;
    const pages: Page[] = [
      { name: 'sign-in', url: `${server.baseUrl}/sign-in`, signedIn: false },
      { name: 'home', url: org, signedIn: true },
      { name: 'plan', url: `${org}/plans/${planId}`, signedIn: true },
      // The person is their organisation's owner, who reads insights as L&D does.
      { name: 'insights', url: `${org}/insights`, signedIn: true },
    ];
    const only = (name: string) => option(name)?.split(',');
    const results: Measure[] = [];
    for (const page of pages.filter((p) => only('pages')?.includes(p.name) ?? true)) {
      for (const preset of PRESETS.filter((p) => only('presets')?.includes(p) ?? true)) {
        const tries: Measure[] = [];
        for (let run = 1; run <= runs; run++) {
          tries.push(
            await measure(chrome.port, page, preset, page.signedIn ? session.cookie : undefined, reportDir, run),
          );
        }
        const median = medianRun(tries);
        console.log(
          `${page.name} ${preset}: ${tries.map((t) => t.score).join(', ')} → ${median.score} (LCP ${Math.round(median.lcpMs)} ms)`,
        );
        results.push(median);
      }
    }
    console.log(`\nLighthouse ${runs === 1 ? '(one run each)' : `(median of ${runs} runs)`}:\n`);
    console.log(table(results));
    const problems = shortfalls(results, THRESHOLDS);
    if (problems.length > 0) {
      console.error(`\nBelow the thresholds:\n${problems.map((p) => `  ${p}`).join('\n')}`);
      process.exitCode = 1;
    } else {
      console.log(
        `\nAll pages meet the thresholds (mobile ≥ ${THRESHOLDS.mobileScore}, desktop ≥ ${THRESHOLDS.desktopScore}, ` +
          `mobile LCP ≤ ${THRESHOLDS.mobileLcpMs} ms, accessibility ≥ ${THRESHOLDS.accessibility}, ` +
          `best practices ≥ ${THRESHOLDS.bestPractices}).`,
      );
    }
  } finally {
    await chrome.stop();
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
