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

/*
 * The plan as a Markdown document a learner can keep, paste into a wiki or print. Everything a learner typed
 * is escaped, so their text can never turn into headings, lists or code that break the document's outline.
 */

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2027-03-31' as '31 March 2027'; parsed by hand because a Date would shift the day across time zones. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? months[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

/** Headings for the network's groups: plural, so they read as lists of people rather than a type name. */
export const networkGroupTitles: Record<NetworkView['kind'], string> = {
  person: 'People',
  community: 'Communities',
  resource: 'Resources',
};

export const goalTitle = (goal: GoalView) => goal.what.trim() || 'Untitled goal';
export const reflectionTitle = (reflection: ReflectionView) => reflection.what.trim() || 'Untitled reflection';

/** Titles of the items whose ids are listed, in list order; ids of deleted items are dropped. */
export function titlesOf<T extends { id: string }>(
  ids: readonly string[],
  items: readonly T[],
  title: (item: T) => string,
) {
  return ids.flatMap((id) => {
    const item = items.find((candidate) => candidate.id === id);
    return item ? [title(item)] : [];
  });
}

/** Escapes characters that start Markdown syntax anywhere in a line (emphasis, code, links, HTML, tables). */
const escapeInline = (text: string) => text.replace(/[\\`*_[\]<>|~]/g, '\\$&');

/** Escapes what would make a line a heading, list item, quote or setext underline. */
const escapeLineStart = (line: string) => line.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');

/**
 * One line of user text, for headings and list items: line breaks are folded into spaces because they would end
 * the heading or the list item.
 */
export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeInline(text.replace(/\s+/g, ' ').trim()));
}

/**
 * Longer user text as paragraphs: blank lines keep separating paragraphs and single line breaks become hard breaks
 * so the text reads as typed. Lines are trimmed since leading spaces would make an indented code block.
 */
function block(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeLineStart(escapeInline(line.trim())))
        .join('\\\n'),
    )
    .join('\n\n');
}

/** A web address as a clickable autolink when it can be one, otherwise as escaped text. */
const link = (url: string) => (/^https?:\/\/[^\s<>]+$/i.test(url.trim()) ? `<${url.trim()}>` : escapeMarkdown(url));

/** Short fields as a bulleted list; empty values are left out so no label stands alone. */
function facts(entries: [label: string, value: string | null | undefined][]): string[] {
  const lines = entries.flatMap(([label, value]) => (value?.trim() ? [`- **${label}:** ${value.trim()}`] : []));
  return lines.length > 0 ? [lines.join('\n')] : [];
}

/** A long field as a labelled paragraph, or nothing when empty. */
const prose = (label: string, value: string) => (value.trim() ? [`**${label}:** ${block(value)}`] : []);

function reflectionSection(reflection: ReflectionView): string[] {
  return [
    `### ${escapeMarkdown(reflectionTitle(reflection))}`,
    ...facts([
      ['When', escapeMarkdown(reflection.happenedWhen)],
      ['Form', reflection.form ? learningFormLabels[reflection.form] : null],
      ['Who', escapeMarkdown(reflection.people)],
    ]),
    ...prose('What made it enjoyable', reflection.enjoyable),
    ...prose('What it says about how I learn best', reflection.learnedAboutMe),
  ];
}

function goalSection(goal: GoalView, plan: PlanView): string[] {
  const milestones = goal.milestones.filter(milestoneHasContent).map((milestone) => {
    const due = milestone.dueDate ? ` (due ${formatDate(milestone.dueDate)})` : '';
    return `- [${milestone.done ? 'x' : ' '}] ${escapeMarkdown(milestone.title)}${due}`;
  });
  const links = goal.links
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `- ${link(line)}`);
  const reflections = titlesOf(goal.reflectionIds, plan.reflections, reflectionTitle).map(escapeMarkdown);
  return [
    `### ${escapeMarkdown(goalTitle(goal))}`,
    ...facts([
      ['Status', `${goalStatusLabels[goal.status]}, ${goal.progress}% done`],
      ['Start', goal.startDate && formatDate(goal.startDate)],
      ['Target', goal.targetDate && formatDate(goal.targetDate)],
      ['Topics', goal.topics.map(escapeMarkdown).join(', ')],
      ['Builds on', reflections.join('; ')],
    ]),
    ...prose('Why', goal.why),
    ...prose('How', goal.how),
    ...prose("How I'll know", goal.evidence),
    ...(milestones.length > 0 ? ['**Milestones:**', milestones.join('\n')] : []),
    ...(links.length > 0 ? ['**Links:**', links.join('\n')] : []),
  ];
}

function networkSection(entry: NetworkView, plan: PlanView): string[] {
  return [
    `#### ${escapeMarkdown(entry.name)}`,
    ...facts([
      ['Relation', entry.relation ? networkRelationLabels[entry.relation] : null],
      ['Enlisted', enlistmentLabels[entry.enlistment]],
      ['Link', entry.url && link(entry.url)],
      ['Helps with', titlesOf(entry.goalIds, plan.goals, goalTitle).map(escapeMarkdown).join('; ')],
    ]),
    ...prose('Notes', entry.notes),
  ];
}

function shareSection(share: ShareView, plan: PlanView): string[] {
  const goal = plan.goals.find((candidate) => candidate.id === share.goalId);
  const records = share.records.map((record) => {
    const parts = [formatDate(record.doneOn), record.link && link(record.link), escapeMarkdown(record.note)];
    return `- ${parts.filter(Boolean).join(' — ')}`;
  });
  const starts = share.startsOn ? `, starting ${formatDate(share.startsOn)}` : '';
  return [
    `### ${shareHowLabels[share.how]}${goal ? ` for ${escapeMarkdown(goalTitle(goal))}` : ''}`,
    ...facts([
      ['With whom', escapeMarkdown(share.audience)],
      ['How often', `${cadenceLabels[share.cadence]}${starts}`],
    ]),
    ...prose("What I'll share", share.detail),
    ...prose('What success looks like', share.success),
    ...(records.length > 0 ? ['**Done so far:**', records.join('\n')] : []),
  ];
}

function part(number: keyof typeof partTitles, empty: string, body: string[]): string[] {
  return [`## Part ${number}: ${partTitles[number]}`, ...(body.length > 0 ? body : [empty])];
}

/**
 * Renders a learning plan as a Markdown document: a title block, then the plan's four parts in order. Text the
 * learner typed is escaped so it cannot break the document's structure; empty fields are left out and empty
 * parts say so in words.
 */
export function planToMarkdown(plan: PlanView, owner: { name: string }): string {
  const title = plan.title.trim() ? ` — ${escapeMarkdown(plan.title)}` : '';
  const network = (Object.keys(networkGroupTitles) as NetworkView['kind'][]).flatMap((kind) => {
    const entries = plan.network.filter((entry) => entry.kind === kind);
    if (entries.length === 0) return [];
    return [`### ${networkGroupTitles[kind]}`, ...entries.flatMap((entry) => networkSection(entry, plan))];
  });
  const blocks = [
    `# Learning plan: ${escapeMarkdown(plan.cycle)}${title}`,
    ...(owner.name.trim() ? [`**Owner:** ${escapeMarkdown(owner.name)}`] : []),
    ...part(1, 'No reflections yet.', plan.reflections.flatMap(reflectionSection)),
    ...part(
      2,
      'No goals yet.',
      plan.goals.flatMap((goal) => goalSection(goal, plan)),
    ),
    ...part(3, 'No network entries yet.', network),
    ...part(
      4,
      'No sharing commitments yet.',
      plan.shares.flatMap((share) => shareSection(share, plan)),
    ),
  ];
  return `${blocks.join('\n\n')}\n`;
}
