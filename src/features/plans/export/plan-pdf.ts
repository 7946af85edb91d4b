import { milestoneHasContent } from '../item-content.js';
import {
  cadenceLabels,
  enlistmentLabels,
  goalStatusLabels,
  learningFormLabels,
  networkRelationLabels,
  partTitles,
  shareHowLabels,
} from '../labels.js';
import type { GoalView, NetworkView, PlanView, ReflectionView, ShareView } from '../plans.schema.js';
import { formatDate, goalTitle, networkGroupTitles, reflectionTitle, titlesOf } from './plan-markdown.js';

/*
 * The plan as a printable PDF for a review meeting. Only PDF's built-in Helvetica is used, so rendering never
 * reads fonts from disk or the network; the price is the WinAnsi character set, hence `sanitizeForPdf`.
 * pdfkit is imported when the first PDF is asked for: loading it took a third of a second of every start.
 */

type Doc = PDFKit.PDFDocument;

const margin = 56; // 2 cm: room for hole punching and notes in the margin
const regular = 'Helvetica';
const bold = 'Helvetica-Bold';
const ink = '#1a1a1a';
const muted = '#5c6670';
const accent = '#1f3a5f';
const band = '#eef1f5';

/** Code points above Latin-1 that WinAnsi still has (typographic quotes, dashes, the euro sign and a few letters). */
const winAnsiExtras = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c,
  0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

const encodable = (code: number) =>
  (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(code);

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Text Helvetica can print: each character outside WinAnsi becomes '?'. Works on whole graphemes so an emoji
 * built from several code points (a flag, a family) becomes one '?', and composes first so a decomposed 'é'
 * survives. pdfkit would otherwise print such characters as unrelated glyphs.
 */
export function sanitizeForPdf(text: string): string {
  let out = '';
  for (const { segment } of graphemes.segment(text.replace(/\r\n?/g, '\n').normalize('NFC'))) {
    if (segment === '\n') out += segment;
    else if (segment === '\t') out += ' ';
    else out += [...segment].every((char) => encodable(char.codePointAt(0) ?? 0)) ? segment : '?';
  }
  return out;
}

const contentWidth = (doc: Doc) => doc.page.width - 2 * margin;

/** Starts a new page when less than `height` is left, so a heading never ends up alone at the foot of a page. */
function keepRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function partHeading(doc: Doc, number: keyof typeof partTitles) {
  const title = `Part ${number}: ${partTitles[number]}`;
  keepRoom(doc, 110);
  doc.moveDown(1.2);
  doc.outline.addItem(title);
  doc
    .font(bold)
    .fontSize(15)
    .fillColor(accent)
    .text(title, margin, doc.y, { width: contentWidth(doc) });
  const y = doc.y + 3;
  doc
    .moveTo(margin, y)
    .lineTo(margin + contentWidth(doc), y)
    .lineWidth(0.75)
    .strokeColor(accent)
    .stroke();
  doc.y = y + 10;
}

/** An item's title on a shaded band: each goal, reflection or commitment reads as its own block. */
function itemHeading(doc: Doc, title: string, size = 12) {
  keepRoom(doc, 70);
  const width = contentWidth(doc);
  const text = sanitizeForPdf(title);
  doc.font(bold).fontSize(size);
  const height = doc.heightOfString(text, { width: width - 12 }) + 8;
  const top = doc.y;
  doc.rect(margin, top, width, height).fill(band);
  doc.fillColor(ink).text(text, margin + 6, top + 4, { width: width - 12 });
  doc.x = margin;
  doc.y = top + height + 5;
}

/** 'Label: value' with a bold label; empty values print nothing so no label stands alone. */
function field(doc: Doc, label: string, value: string | null | undefined) {
  if (!value?.trim()) return;
  doc
    .font(bold)
    .fontSize(10)
    .fillColor(ink)
    .text(`${label}: `, margin + 6, doc.y, { width: contentWidth(doc) - 6, continued: true })
    .font(regular)
    .text(sanitizeForPdf(value.trim()));
  doc.moveDown(0.3);
}

/** A labelled list, one line per entry, indented under its label. */
function list(doc: Doc, label: string, lines: string[]) {
  if (lines.length === 0) return;
  doc
    .font(bold)
    .fontSize(10)
    .fillColor(ink)
    .text(`${label}:`, margin + 6, doc.y, { width: contentWidth(doc) - 6 });
  doc.font(regular);
  for (const line of lines) {
    doc.text(sanitizeForPdf(line), margin + 18, doc.y, { width: contentWidth(doc) - 18 });
  }
  doc.moveDown(0.3);
}

const endItem = (doc: Doc) => {
  doc.x = margin;
  doc.moveDown(0.6);
};

function empty(doc: Doc, words: string) {
  doc
    .font(regular)
    .fontSize(10)
    .fillColor(muted)
    .text(words, margin, doc.y, { width: contentWidth(doc) });
}

function reflection(doc: Doc, item: ReflectionView) {
  itemHeading(doc, reflectionTitle(item));
  field(doc, 'When', item.happenedWhen);
  field(doc, 'Form', item.form && learningFormLabels[item.form]);
  field(doc, 'Who', item.people);
  field(doc, 'What made it enjoyable', item.enjoyable);
  field(doc, 'What it says about how I learn best', item.learnedAboutMe);
  endItem(doc);
}

function goal(doc: Doc, item: GoalView, plan: PlanView) {
  itemHeading(doc, goalTitle(item));
  field(doc, 'Status', `${goalStatusLabels[item.status]}, ${item.progress}% done`);
  field(doc, 'Start', item.startDate && formatDate(item.startDate));
  field(doc, 'Target', item.targetDate && formatDate(item.targetDate));
  field(doc, 'Why', item.why);
  field(doc, 'How', item.how);
  field(doc, "How I'll know", item.evidence);
  list(
    doc,
    'Milestones',
    item.milestones
      .filter(milestoneHasContent)
      .map((m) => `[${m.done ? 'x' : ' '}] ${m.title}${m.dueDate ? ` (due ${formatDate(m.dueDate)})` : ''}`),
  );
  field(doc, 'Topics', item.topics.join(', '));
  list(
    doc,
    'Links',
    item.links.split('\n').filter((line) => line.trim()),
  );
  field(doc, 'Builds on', titlesOf(item.reflectionIds, plan.reflections, reflectionTitle).join('; '));
  endItem(doc);
}

function networkEntry(doc: Doc, item: NetworkView, plan: PlanView) {
  itemHeading(doc, item.name, 11);
  field(doc, 'Relation', item.relation && networkRelationLabels[item.relation]);
  field(doc, 'Enlisted', enlistmentLabels[item.enlistment]);
  field(doc, 'Link', item.url);
  field(doc, 'Helps with', titlesOf(item.goalIds, plan.goals, goalTitle).join('; '));
  field(doc, 'Notes', item.notes);
  endItem(doc);
}

function share(doc: Doc, item: ShareView, plan: PlanView) {
  const forGoal = plan.goals.find((candidate) => candidate.id === item.goalId);
  itemHeading(doc, `${shareHowLabels[item.how]}${forGoal ? ` for ${goalTitle(forGoal)}` : ''}`);
  field(doc, 'With whom', item.audience);
  const starts = item.startsOn ? `, starting ${formatDate(item.startsOn)}` : '';
  field(doc, 'How often', `${cadenceLabels[item.cadence]}${starts}`);
  field(doc, "What I'll share", item.detail);
  field(doc, 'What success looks like', item.success);
  list(
    doc,
    'Done so far',
    item.records.map((record) =>
      [formatDate(record.doneOn), record.link, record.note.replace(/\s+/g, ' ').trim()].filter(Boolean).join(' - '),
    ),
  );
  endItem(doc);
}

/** Footers go on last, once the page count is known; the bottom margin is lifted so pdfkit adds no page. */
function footers(doc: Doc, left: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - margin / 2 - 8;
    const options = { width: contentWidth(doc), lineBreak: false } as const;
    doc.font(regular).fontSize(8).fillColor(muted);
    doc.text(sanitizeForPdf(left), margin, y, { ...options, align: 'left' });
    doc.text(`Page ${index - start + 1} of ${count}`, margin, y, { ...options, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
}

const localIsoDate = (date: Date) =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');

/**
 * Renders a learning plan as an A4 PDF to print and read in a review meeting: a title block, the four parts with
 * goals as shaded blocks, and 'Page n of m' footers. Uses only built-in fonts, so characters outside WinAnsi
 * (emoji, CJK) print as '?' instead of failing. `printedOn` (default: now) is the date shown in the title block.
 */
export async function planToPdf(
  plan: PlanView,
  owner: { name: string },
  options: { printedOn?: Date } = {},
): Promise<Buffer> {
  const heading = `Learning plan: ${plan.cycle}`;
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    bufferPages: true,
    displayTitle: true,
    lang: 'en',
    info: {
      Title: plan.title.trim() ? `${heading} - ${plan.title.trim()}` : heading,
      Author: owner.name,
      Subject: 'Personal learning plan',
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = contentWidth(doc);
  doc.font(bold).fontSize(20).fillColor(accent).text(sanitizeForPdf(heading), margin, margin, { width });
  if (plan.title.trim()) doc.font(regular).fontSize(14).fillColor(ink).text(sanitizeForPdf(plan.title.trim()));
  doc.moveDown(0.4).font(regular).fontSize(10).fillColor(muted);
  if (owner.name.trim()) doc.text(`Owner: ${sanitizeForPdf(owner.name.trim())}`);
  doc.text(`Printed: ${formatDate(localIsoDate(options.printedOn ?? new Date()))}`);

  partHeading(doc, 1);
  if (plan.reflections.length === 0) empty(doc, 'No reflections yet.');
  for (const item of plan.reflections) reflection(doc, item);

  partHeading(doc, 2);
  if (plan.goals.length === 0) empty(doc, 'No goals yet.');
  for (const item of plan.goals) goal(doc, item, plan);

  partHeading(doc, 3);
  if (plan.network.length === 0) empty(doc, 'No network entries yet.');
  for (const kind of Object.keys(networkGroupTitles) as NetworkView['kind'][]) {
    const entries = plan.network.filter((entry) => entry.kind === kind);
    if (entries.length === 0) continue;
    keepRoom(doc, 90);
    doc.font(bold).fontSize(12).fillColor(accent).text(networkGroupTitles[kind], margin, doc.y, { width });
    doc.moveDown(0.3);
    for (const entry of entries) networkEntry(doc, entry, plan);
  }

  partHeading(doc, 4);
  if (plan.shares.length === 0) empty(doc, 'No sharing commitments yet.');
  for (const item of plan.shares) share(doc, item, plan);

  footers(doc, `${heading}${owner.name.trim() ? ` - ${owner.name.trim()}` : ''}`);
  doc.end();
  return finished;
}
