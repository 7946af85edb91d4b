import type { Measurement } from './load.js';

export type { Measurement };

export interface Budget {
  db: Measurement['db'];
  target: string;
  /** The target's requests per second divided by the bare route's, at least (no ratio budget when absent). */
  minRatio?: number;
  /** The target's 99th-percentile latency, at most. */
  maxP99Ms?: number;
  /** The target's 95th-percentile latency, at most (for targets measured one request at a time). */
  maxP95Ms?: number;
}

export interface BudgetCheck {
  line: string;
  value: number;
  limit: number;
  pass: boolean;
}

function ratioToBare(results: Measurement[], m: Measurement): number | undefined {
  const bare = results.find((r) => r.db === m.db && r.target === 'bare');
  return bare && bare.requestsPerSecond > 0 ? m.requestsPerSecond / bare.requestsPerSecond : undefined;
}

/** The budget lines of the targets measured; none for a database that was not measured. */
export function checkBudgets(results: Measurement[], budgets: Budget[]): BudgetCheck[] {
  return budgets.flatMap((budget) => {
    const m = results.find((r) => r.db === budget.db && r.target === budget.target);
    if (!m) return [];
    const checks: BudgetCheck[] = [];
    if (budget.minRatio !== undefined) {
      const ratio = ratioToBare(results, m) ?? 0;
      checks.push({
        line: `${budget.db} ${budget.target} req/s ratio to bare ≥ ${budget.minRatio}`,
        value: ratio,
        limit: budget.minRatio,
        pass: ratio >= budget.minRatio,
      });
    }
    if (budget.maxP99Ms !== undefined) {
      checks.push({
        line: `${budget.db} ${budget.target} p99 ≤ ${budget.maxP99Ms} ms`,
        value: m.p99Ms,
        limit: budget.maxP99Ms,
        // A run that completed no request measured nothing: that fails, it does not pass at "0 ms".
        pass: m.requests > 0 && m.p99Ms <= budget.maxP99Ms,
      });
    }
    if (budget.maxP95Ms !== undefined) {
      const p95 = (m as Measurement & { p95Ms?: number }).p95Ms ?? Number.POSITIVE_INFINITY;
      checks.push({
        line: `${budget.db} ${budget.target} p95 ≤ ${budget.maxP95Ms} ms`,
        value: p95,
        limit: budget.maxP95Ms,
        pass: m.requests > 0 && p95 <= budget.maxP95Ms,
      });
    }
    return checks;
  });
}

export function formatTable(results: Measurement[], checks: BudgetCheck[]): string {
  const header = ['database', 'target', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'non-2xx'];
  const rows = results.map((m) => {
    const ratio = ratioToBare(results, m);
    return [
      m.db,
      m.target,
      Math.round(m.requestsPerSecond).toString(),
      m.p50Ms.toString(),
      m.p99Ms.toString(),
      ratio === undefined ? '-' : ratio.toFixed(ratio < 0.1 ? 3 : 2),
      (m.non2xx + m.errors + m.timeouts).toString(),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  const table = rows.length > 0 ? [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)] : [];
  const budgetLines = checks.map(
    (c) =>
      `${c.pass ? 'PASS' : 'FAIL'}  ${c.line} (measured ${Number.isInteger(c.value) ? c.value : c.value.toFixed(2)})`,
  );
  if (checks.length === 0) budgetLines.push('(no budget for what was measured)');
  return [...table, '', 'Budget:', ...budgetLines].join('\n');
}
