/*
 * Draws the app's install icons from src/web/favicon.svg with the Chromium the tests use, into src/web/public/icons
 * (committed: the build needs no browser). Run again after changing the favicon: `npx tsx scripts/make-icons.ts`.
 *
 * - icon-192.png, icon-512.png: the favicon as it is ("any" purpose), transparent corners;
 * - maskable-512.png: the mark inside the safe circle (80% of the side) on a full-bleed background, for launchers
 *   that cut icons to their own shape;
 * - apple-touch-icon.png (180): full bleed, no transparency (iOS draws black behind transparent pixels).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = fs.readFileSync(path.join(root, 'src/web/favicon.svg'), 'utf8');
const out = path.join(root, 'src/web/public/icons');
/** The favicon's background colour, also the manifest's theme colour. */
const BRAND = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1] ?? '#0b5cad';

const icons = [
  { file: 'icon-192.png', size: 192, page: (s: number) => svgAt(s, 0) },
  { file: 'icon-512.png', size: 512, page: (s: number) => svgAt(s, 0) },
  // The mark at 60% of the side: well inside the maskable safe zone.
  { file: 'maskable-512.png', size: 512, page: (s: number) => svgAt(s, 0.2, BRAND) },
  { file: 'apple-touch-icon.png', size: 180, page: (s: number) => svgAt(s, 0.12, BRAND) },
];

function svgAt(size: number, inset: number, background?: string) {
  const pad = Math.round(size * inset);
  const inner = size - 2 * pad;
  const sized = svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `);
  const bg = background ? `background:${background};` : '';
  return `<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;${bg}display:grid;place-items:center">${sized}</body></html>`;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(icon.page(icon.size));
    await page.screenshot({ path: path.join(out, icon.file), omitBackground: true });
    await page.close();
    console.log(`${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
