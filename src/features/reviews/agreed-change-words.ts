import type { AgreedChange } from './reviews.schema.js';

/*
 * How a change to what was agreed reads for people ("Goal: Run two workshops: wording and target date
 * changed"). Pure, with no imports at run time, so the web app can show it next to "Changed since the agreement".
 */

const fieldWords: Record<AgreedChange['entityType'], Record<string, string>> = {
  plan: { cycle: 'cycle', title: 'title' },
  goal: {
    what: 'wording',
    why: 'why',
    how: 'how',
    evidence: 'how you will know',
    startDate: 'start date',
    targetDate: 'target date',
    links: 'links to other learning',
    reflectionIds: 'linked reflections',
    milestones: 'milestones',
    topics: 'topics',
    status: 'dropped or taken up again',
  },
  network: {
    name: 'name',
    kind: 'kind',
    relation: 'relation',
    memberId: 'member',
    url: 'web address',
    notes: 'notes',
    goalIds: 'goals it helps with',
  },
  share: {
    goalId: 'goal',
    how: 'how',
    detail: 'details',
    audience: 'with whom',
    cadence: 'how often',
    startsOn: 'start date',
    success: 'what success looks like',
  },
};

/** "a", "a and b", "a, b and c". */
export function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** One line per changed item: what it is, and what happened to it. */
export function describeAgreedChange(change: AgreedChange): string {
  if (change.action === 'added') return `${change.label}: added`;
  if (change.action === 'removed') return `${change.label}: removed`;
  const words = change.fields.map((f) => fieldWords[change.entityType][f] ?? f);
  if (words.length === 1 && change.fields[0] === 'status') return `${change.label}: ${words[0]}`;
  return `${change.label}: ${listWords(words)} changed`;
}
