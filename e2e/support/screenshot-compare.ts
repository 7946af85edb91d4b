import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';

/*
 * Screenshots compared with committed baselines (e2e/screenshots/). A change to a page's look fails here until
 * its baseline is updated on purpose — `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e e2e/screenshots.test.ts`
 * — and reviewed in the commit's diff like any other change. What changes from run to run without anyone
 * changing the page (dates and times, which all render in <time> elements; anything marked
 * data-screenshot-mask) is masked, animations and the caret are stopped, fonts are bundled.
 */

export const BASELINES = path.resolve('e2e/screenshots');
/** Where a failed comparison leaves the new screenshot and the difference, to look at. */
export const ARTIFACTS = path.resolve('e2e/artifacts/screenshots');
/** A pixel differs when its colour moved more than this (pixelmatch's YIQ threshold, 0–1). */
const PIXEL_THRESHOLD = 0.1;
/** A screenshot matches when at most this share of its pixels differ (antialiasing, a moved glyph). */
export const MAX_DIFF_RATIO = 0.003;

const updating = () => process.env.UPDATE_SCREENSHOTS === '1';

export interface Comparison {
  name: string;
  /** Share of pixels that differ, 0–1; 1 when the sizes differ or there is no baseline. */
  diffRatio: number;
  problem?: string;
}

/** What changes by itself between runs, hidden behind a solid box. */
export function volatileParts(page: Page): Locator[] {
  return [page.locator('time'), page.locator('[data-screenshot-mask]')];
}

/** The two PNGs' share of differing pixels, writing the difference image to `diffPath` when there is one. */
export function diffRatioOf(actual: Buffer, expected: Buffer, diffPath?: string): number {
  const a = PNG.sync.read(actual);
  const e = PNG.sync.read(expected);
  if (a.width !== e.width || a.height !== e.height) return 1;
  const diff = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, e.data, diff.data, a.width, a.height, { threshold: PIXEL_THRESHOLD });
  if (differing > 0 && diffPath) fs.writeFileSync(diffPath, PNG.sync.write(diff));
  return differing / (a.width * a.height);
}

/**
 * Takes the page's screenshot (the viewport) and compares it with the baseline `name`.png, or writes the
 * baseline when updating. Never passes without a baseline.
 */
export async function compareWithBaseline(page: Page, name: string): Promise<Comparison> {
  const actual = await page.screenshot({
    animations: 'disabled',
    caret: 'hide',
    mask: volatileParts(page),
    maskColor: '#808080',
  });
  const baseline = path.join(BASELINES, `${name}.png`);
  if (updating()) {
    fs.mkdirSync(BASELINES, { recursive: true });
    fs.writeFileSync(baseline, actual);
    return { name, diffRatio: 0 };
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!fs.existsSync(baseline)) {
    fs.writeFileSync(path.join(ARTIFACTS, `${name}.png`), actual);
    return { name, diffRatio: 1, problem: 'no baseline (UPDATE_SCREENSHOTS=1 makes one)' };
  }
  const diffRatio = diffRatioOf(actual, fs.readFileSync(baseline), path.join(ARTIFACTS, `${name}.diff.png`));
  if (diffRatio > MAX_DIFF_RATIO) {
    fs.writeFileSync(path.join(ARTIFACTS, `${name}.png`), actual);
    return { name, diffRatio, problem: `${(diffRatio * 100).toFixed(2)} % of pixels differ` };
  }
  return { name, diffRatio };
}
