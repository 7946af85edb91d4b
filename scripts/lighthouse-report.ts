/**
 * What `npm run lighthouse` must reach on every page: performance (issue 17), accessibility and best practices
 * (issue 18). Scores are Lighthouse's 0–100.
 */
export const THRESHOLDS = {
  mobileScore: 90,
  desktopScore: 98,
  mobileLcpMs: 2_500,
  accessibility: 95,
  bestPractices: 95,
} as const;

export const PRESETS = ['mobile', 'desktop'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Page {
  name: string;
  url: string;
  /** Whether Lighthouse sends the learner's session cookie. */
  signedIn: boolean;
}

/** One Lighthouse run's figures. */
export interface Measure {
  page: string;
  preset: Preset;
  /** Performance. */
  score: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Lighthouse's measure of this machine's speed at the time (a quiet desktop: about 1,000–2,500). */
  benchmarkIndex: number;
}

/** The run with the median score (the lower middle one of an even number). */
export function medianRun(runs: Measure[]): Measure {
  if (runs.length === 0) throw new Error('no runs to take the median of');
  const sorted = [...runs].sort((a, b) => a.score - b.score || b.lcpMs - a.lcpMs);
  return sorted[Math.floor((sorted.length - 1) / 2)] as Measure;
}

/** Each threshold a measure misses, said with the figure and by how much. */
export function shortfalls(measures: Measure[], limits: typeof THRESHOLDS): string[] {
  const out: string[] = [];
  for (const m of measures) {
    const min = m.preset === 'mobile' ? limits.mobileScore : limits.desktopScore;
    if (m.score < min) out.push(`${m.page} ${m.preset}: score ${m.score} < ${min} (${min - m.score} short)`);
    if (m.preset === 'mobile' && !(m.lcpMs <= limits.mobileLcpMs)) {
      out.push(`${m.page} mobile: LCP ${Math.round(m.lcpMs)} ms > ${limits.mobileLcpMs} ms`);
    }
    if (m.accessibility < limits.accessibility) {
      out.push(`${m.page} ${m.preset}: accessibility ${m.accessibility} < ${limits.accessibility}`);
    }
    if (m.bestPractices < limits.bestPractices) {
      out.push(`${m.page} ${m.preset}: best practices ${m.bestPractices} < ${limits.bestPractices}`);
    }
  }
  return out;
}

/** A plain-text table: one line per page and preset. */
export function table(measures: Measure[]): string {
  const rows = [
    ['page', 'preset', 'score', 'a11y', 'best', 'LCP', 'TBT', 'CLS', 'machine'],
    ...measures.map((m) => [
      m.page,
      m.preset,
      String(m.score),
      String(m.accessibility),
      String(m.bestPractices),
      `${(m.lcpMs / 1000).toFixed(2)} s`,
      `${Math.round(m.tbtMs)} ms`,
      m.cls.toFixed(3),
      String(Math.round(m.benchmarkIndex)),
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] as number))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
