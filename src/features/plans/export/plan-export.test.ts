import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { partTitles } from '../labels.js';
import type { GoalView, NetworkView, PlanView, ReflectionView, ShareView } from '../plans.schema.js';
import { planToMarkdown } from './plan-markdown.js';
import { planToPdf, sanitizeForPdf } from './plan-pdf.js';

const stamp = { version: 1, updatedAt: '2027-01-10T09:00:00.000Z' };
const owner = { name: 'Ada Lovelace' };

const reflection = (id: string, fields: Partial<ReflectionView>): ReflectionView => ({
  ...{ id, what: '', happenedWhen: '', form: null, people: '', enjoyable: '', learnedAboutMe: '' },
  ...stamp,
  ...fields,
});

const goal = (id: string, fields: Partial<GoalView>): GoalView => ({
  ...{ id, what: '', why: '', how: '', evidence: '', startDate: null, targetDate: null, links: '' },
  ...{ reflectionIds: [], status: 'idea', progress: 0, milestones: [], topics: [], carriedFromGoalId: null },
  ...stamp,
  ...fields,
});

const contact = (id: string, fields: Partial<NetworkView> & Pick<NetworkView, 'kind' | 'name'>): NetworkView => ({
  ...{ id, relation: null, memberId: null, url: null, enlistment: 'to_ask', notes: '', goalIds: [] },
  ...stamp,
  ...fields,
});

const share = (id: string, fields: Partial<ShareView>): ShareView => ({
  ...{ id, goalId: null, how: 'post', detail: '', audience: '', cadence: 'once', startsOn: null, success: '' },
  ...{ records: [] },
  ...stamp,
  ...fields,
});

function emptyPlan(fields: Partial<PlanView> = {}): PlanView {
  return {
    ...{ id: 'plan-1', organizationId: 'org-1', memberId: 'member-1', cycle: '2027', title: '', templateId: null },
    ...{ carriedFromPlanId: null, guide: { part: 1, step: 0 }, version: 3, revision: 7, closedAt: null },
    ...{ createdAt: '2027-01-02T08:00:00.000Z', updatedAt: '2027-01-10T09:00:00.000Z' },
    ...{ reflections: [], goals: [], network: [], shares: [] },
    ...fields,
  };
}

const fullPlan = emptyPlan({
  title: 'Grow as a tech lead',
  reflections: [
    reflection('r1', {
      what: 'Pairing on the billing rewrite',
      happenedWhen: 'Spring 2026',
      form: 'peer_to_peer',
      people: 'Sam and Priya',
      enjoyable: 'Fast feedback.\nWe argued about names and laughed a lot.',
      learnedAboutMe: 'I learn best by doing it with someone next to me.',
    }),
    reflection('r2', { what: 'Reading Team Topologies', form: 'reading_listening', enjoyable: 'Quiet evenings.' }),
  ],
  goals: [
    goal('g1', {
      what: 'Run design reviews with confidence',
      why: 'The team waits on me for decisions.',
      how: 'Shadow Priya, then lead two reviews a month.',
      evidence: 'Reviews end with a written decision.',
      startDate: '2027-01-15',
      targetDate: '2027-06-30',
      links: 'https://example.org/design-reviews\nOur review template',
      reflectionIds: ['r1', 'r-deleted'],
      status: 'active',
      progress: 40,
      milestones: [
        { id: 'm1', title: 'Shadow three reviews', dueDate: '2027-02-28', done: true },
        { id: 'm2', title: 'Lead a review alone', dueDate: null, done: false },
      ],
      topics: ['architecture', 'facilitation'],
    }),
    goal('g2', { what: 'Write about what I learn', status: 'idea', reflectionIds: ['r2'], topics: ['writing'] }),
    goal('g3', {
      what: 'Learn Rust basics',
      status: 'achieved',
      progress: 100,
      milestones: [{ id: 'm3', title: 'Finish the book', dueDate: '2027-03-31', done: true }],
    }),
  ],
  network: [
    contact('n1', {
      kind: 'person',
      name: 'Priya Natarajan',
      relation: 'mentor',
      enlistment: 'agreed',
      goalIds: ['g1'],
      notes: 'Monthly coffee.',
    }),
    contact('n2', { kind: 'community', name: 'Architecture guild', relation: 'community', goalIds: ['g1', 'g2'] }),
    contact('n3', {
      kind: 'resource',
      name: 'The Rust Book',
      relation: 'book',
      enlistment: 'active',
      url: 'https://doc.rust-lang.org/book/',
      goalIds: ['g3'],
    }),
    contact('n4', { kind: 'person', name: 'Sam Okafor', relation: 'peer', enlistment: 'asked' }),
  ],
  shares: [
    share('s1', {
      goalId: 'g1',
      how: 'talk',
      detail: 'What we learned from a year of design reviews.',
      audience: 'Engineering all-hands',
      cadence: 'quarterly',
      startsOn: '2027-04-01',
      success: 'Two other teams adopt the template.',
      records: [{ id: 'rec1', doneOn: '2027-05-12', link: 'https://example.org/talk', note: 'Good questions' }],
    }),
    share('s2', { goalId: 'g2', how: 'community_session', cadence: 'fortnightly', audience: 'Guild' }),
  ],
});

const lines = (markdown: string) => markdown.split('\n');
const at = (text: string, part: string) => text.indexOf(part);

describe('planToMarkdown', () => {
  const markdown = planToMarkdown(fullPlan, owner);

  it('opens with the cycle, the title and the owner, then the four parts in order', () => {
    expect(lines(markdown)[0]).toBe('# Learning plan: 2027 — Grow as a tech lead');
    expect(markdown).toContain('**Owner:** Ada Lovelace');
    const parts = ([1, 2, 3, 4] as const).map((n) => at(markdown, `\n## Part ${n}: ${partTitles[n]}\n`));
    expect(parts.every((index) => index > 0)).toBe(true);
    expect([...parts].sort((a, b) => a - b)).toEqual(parts);
  });

  it('renders reflections with labels instead of enum keys', () => {
    expect(markdown).toContain('### Pairing on the billing rewrite');
    expect(markdown).toContain('- **Form:** Peer-to-peer');
    expect(markdown).toContain('- **When:** Spring 2026');
    expect(markdown).toContain(
      '**What made it enjoyable:** Fast feedback.\\\nWe argued about names and laughed a lot.',
    );
    expect(markdown).toContain('**What it says about how I learn best:** I learn best by doing it');
    for (const key of ['peer_to_peer', 'reading_listening', 'to_ask', 'community_session', 'fortnightly']) {
      expect(markdown).not.toContain(key);
    }
  });

  it('renders each goal with status, dates, milestones, topics, links and linked reflections', () => {
    for (const what of fullPlan.goals.map((g) => g.what)) expect(markdown).toContain(`### ${what}`);
    expect(markdown).toContain('- **Status:** Active, 40% done');
    expect(markdown).toContain('- **Start:** 15 January 2027');
    expect(markdown).toContain('- **Target:** 30 June 2027');
    expect(markdown).toContain("**How I'll know:** Reviews end with a written decision.");
    expect(markdown).toContain('- [x] Shadow three reviews (due 28 February 2027)\n- [ ] Lead a review alone');
    expect(markdown).toContain('- **Topics:** architecture, facilitation');
    expect(markdown).toContain('- <https://example.org/design-reviews>\n- Our review template');
    expect(markdown).toContain('- **Builds on:** Pairing on the billing rewrite\n');
    expect(markdown).toContain('- **Builds on:** Reading Team Topologies');
  });

  it('groups the network by kind and names the goals each entry helps with', () => {
    const order = ['### People', 'Priya Natarajan', 'Sam Okafor', '### Communities', 'Architecture guild'];
    const indexes = [...order, '### Resources', 'The Rust Book'].map((part) => at(markdown, part));
    expect(indexes.every((index) => index > 0)).toBe(true);
    expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
    expect(markdown).toContain('- **Relation:** Mentor\n- **Enlisted:** Agreed\n- **Helps with:** Run design reviews');
    expect(markdown).toContain('- **Helps with:** Run design reviews with confidence; Write about what I learn');
    expect(markdown).toContain('- **Link:** <https://doc.rust-lang.org/book/>');
  });

  it('renders sharing commitments with their goal, cadence and records', () => {
    expect(markdown).toContain('### A talk for Run design reviews with confidence');
    expect(markdown).toContain(
      '- **With whom:** Engineering all-hands\n- **How often:** Every quarter, starting 1 April',
    );
    expect(markdown).toContain('**Done so far:**\n\n- 12 May 2027 — <https://example.org/talk> — Good questions');
    expect(markdown).toContain('### A community session for Write about what I learn');
    expect(markdown).toContain('- **How often:** Every two weeks');
  });

  it('says so when a part is empty and prints no empty labels', () => {
    const empty = planToMarkdown(emptyPlan(), owner);
    expect(lines(empty)[0]).toBe('# Learning plan: 2027');
    for (const words of ['No reflections yet.', 'No goals yet.', 'No network entries yet.', 'No sharing commitments']) {
      expect(empty).toContain(words);
    }
    const bare = planToMarkdown(emptyPlan({ goals: [goal('g', { what: 'Bare goal' })] }), owner);
    expect(bare).toContain('- **Status:** Idea, 0% done');
    expect(bare).not.toMatch(/\*\*[^*]+:\*\*\s*$/m);
    expect(bare).not.toMatch(/\*\*(Why|How|Topics|Start|Milestones|Links|Builds on):/);
  });

  it('escapes Markdown in what the learner typed', () => {
    const tricky = emptyPlan({
      cycle: '#2027',
      reflections: [
        reflection('r', { what: '- not a list', enjoyable: '> not a quote\n# not a heading\n1. nor this' }),
      ],
      goals: [goal('g', { what: '# Not a heading', why: '*not bold* and `not code` <b>', topics: ['_x_'] })],
      network: [contact('n', { kind: 'person', name: '> Not a quote', notes: '---' })],
    });
    const out = planToMarkdown(tricky, owner);
    expect(lines(out)[0]).toBe('# Learning plan: \\#2027');
    expect(out).toContain('### \\- not a list');
    expect(out).toContain('**What made it enjoyable:** \\> not a quote\\\n\\# not a heading\\\n1\\. nor this');
    expect(out).toContain('### \\# Not a heading');
    expect(out).toContain('**Why:** \\*not bold\\* and \\`not code\\` \\<b\\>');
    expect(out).toContain('- **Topics:** \\_x\\_');
    expect(out).toContain('#### \\> Not a quote');
    expect(out).toContain('**Notes:** \\---');
    expect(out).not.toMatch(/^(- not|> Not|# Not|---)/m);
  });
});

describe('sanitizeForPdf', () => {
  it('keeps what WinAnsi can print', () => {
    expect(sanitizeForPdf('Café – “quoted” €5 naïve Œuvre…')).toBe('Café – “quoted” €5 naïve Œuvre…');
    expect(sanitizeForPdf('line one\nline two')).toBe('line one\nline two');
  });

  it('replaces what Helvetica cannot print with one ? per character', () => {
    expect(sanitizeForPdf('Learn 学习 today 😀')).toBe('Learn ?? today ?');
    expect(sanitizeForPdf('Go 🇳🇱 team 👩‍👩‍👧 ☐')).toBe('Go ? team ? ?');
    expect(sanitizeForPdf('bell\u0007')).toBe('bell?');
  });

  it('composes accents, folds tabs and Windows line ends', () => {
    expect(sanitizeForPdf('Cafe\u0301')).toBe('Café');
    expect(sanitizeForPdf('a\tb\r\nc')).toBe('a b\nc');
  });
});

const standardFontDataUrl = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
  'standard_fonts/',
);

/** The PDF's text, all pages, with runs of white space (line and page breaks) folded to one space. */
async function pdfText(buffer: Buffer) {
  const pdf = await getDocument({
    ...{ data: new Uint8Array(buffer), useSystemFonts: false, disableFontFace: true, isEvalSupported: false },
    standardFontDataUrl,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''));
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { text: pages.join('\n').replace(/\s+/g, ' '), pages: pages.length, info: info as Record<string, unknown> };
}

describe('planToPdf', () => {
  it('renders the plan as a readable, paginated A4 document', async () => {
    const buffer = await planToPdf(fullPlan, owner, { printedOn: new Date(2027, 5, 3) });
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages, info } = await pdfText(buffer);
    expect(info.Title).toBe('Learning plan: 2027 - Grow as a tech lead');
    expect(info.Author).toBe('Ada Lovelace');
    expect(text).toContain('Learning plan: 2027');
    expect(text).toContain('Owner: Ada Lovelace');
    expect(text).toContain('Printed: 3 June 2027');
    for (const n of [1, 2, 3, 4] as const) expect(text).toContain(`Part ${n}: ${partTitles[n]}`);
    for (const what of fullPlan.goals.map((g) => g.what)) expect(text).toContain(what);
    expect(text).toContain('Status: Active, 40% done');
    expect(text).toContain('[x] Shadow three reviews (due 28 February 2027)');
    expect(text).toContain('[ ] Lead a review alone');
    expect(text).toContain('Priya Natarajan');
    expect(text).toContain('Relation: Mentor');
    expect(text).toContain('Helps with: Run design reviews with confidence; Write about what I learn');
    expect(text).toContain('12 May 2027 - https://example.org/talk - Good questions');
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).not.toContain('peer_to_peer');
  });

  it('says so when parts are empty and prints no empty labels', async () => {
    const plan = emptyPlan({ goals: [goal('g', { what: 'Bare goal' })] });
    const { text } = await pdfText(await planToPdf(plan, owner));
    for (const words of ['No reflections yet.', 'No network entries yet.', 'No sharing commitments yet.']) {
      expect(text).toContain(words);
    }
    expect(text).toContain('Bare goal');
    expect(text).not.toMatch(/\b(Why|How|Topics|Milestones|Links|Builds on):/);
  });

  it('prints ? for emoji and CJK instead of failing', async () => {
    const plan = emptyPlan({
      cycle: '2027 🚀',
      title: '学习计划',
      goals: [goal('g', { what: 'Learn 日本語 😀', why: 'Für die Reise – naïve “fun”' })],
      network: [contact('n', { kind: 'person', name: '王芳 👩‍🏫' })],
    });
    const buffer = await planToPdf(plan, { name: 'Zoë 🙂' });
    expect(buffer.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const { text, info } = await pdfText(buffer);
    expect(text).toContain('Learning plan: 2027 ?');
    expect(text).toContain('Learn ??? ?');
    expect(text).toContain('Why: Für die Reise – naïve “fun”');
    expect(text).toContain('?? ?');
    expect(text).toContain('Owner: Zoë ?');
    expect(info.Author).toBe('Zoë 🙂');
  });
});
