import fs from 'node:fs';
import os from 'node:os';

/*
 * CPU time of the processes a bench run involves, read from /proc (Linux): the server's, PostgreSQL's (summed
 * over its backends), the bench's own and the whole machine's. Under the mixed workload the machine's cores are
 * the limit, so where they went says what any change can still buy.
 */

/** /proc's clock ticks (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

/** A process's CPU time so far in ms: user plus kernel, and kernel alone (system calls: sockets, files). */
export function cpuOf(pid: number): { total: number; kernel: number } {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat; here counted from the state field (3).
    const user = Number(fields[11]) * TICK_MS;
    const kernel = Number(fields[12]) * TICK_MS;
    return { total: user + kernel, kernel };
  } catch {
    return { total: 0, kernel: 0 };
  }
}

export const cpuMsOf = (pid: number) => cpuOf(pid).total;

/** CPU of every process whose command is postgres (the cluster's backends). */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuMsOf(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** The machine's busy and idle time so far in ms, over all cores (/proc/stat's first line; iowait is idle). */
function machineMs(): { busy: number; idle: number } {
  try {
    const fields = (fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    return { busy: (user + nice + system + irq + softirq + steal) * TICK_MS, idle: (idle + iowait) * TICK_MS };
  } catch {
    return { busy: 0, idle: 0 };
  }
}

/** Cores' worth of CPU each part took over a stretch of time (1 = one core busy the whole time). */
export interface CpuShares {
  cores: number;
  /** Busy share of the whole machine, 0–1. */
  machineBusy: number;
  server: number;
  postgres: number;
  /** This process: the bench's client (and the SQL floor, when it runs here). */
  bench: number;
  /** Everything else on the machine. */
  other: number;
}

/**
 * Starts counting; `stop()` answers the shares since. `serverPids` are the Waymark processes; PostgreSQL is
 * counted only when `postgres` is set (PGlite runs inside the server).
 */
export function startCpuCount(serverPids: number[], postgres: boolean): { stop(): CpuShares } {
  const started = performance.now();
  const server0 = serverPids.reduce((sum, pid) => sum + cpuMsOf(pid), 0);
  const pg0 = postgres ? postgresCpuMs() : 0;
  const bench0 = process.cpuUsage();
  const machine0 = machineMs();
  return {
    stop() {
      const ms = performance.now() - started;
      const server = serverPids.reduce((sum, pid) => sum + cpuMsOf(pid), 0) - server0;
      const pg = postgres ? postgresCpuMs() - pg0 : 0;
      const benchUsage = process.cpuUsage(bench0);
      const bench = (benchUsage.user + benchUsage.system) / 1000;
      const machine1 = machineMs();
      const busy = machine1.busy - machine0.busy;
      const all = busy + (machine1.idle - machine0.idle);
      return {
        cores: os.availableParallelism(),
        machineBusy: all > 0 ? busy / all : 0,
        server: server / ms,
        postgres: pg / ms,
        bench: bench / ms,
        other: Math.max(0, (busy - server - pg - bench) / ms),
      };
    },
  };
}
