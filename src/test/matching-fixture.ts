/**
 * A fixture organisation for the matching quality test, generated deterministically: mentors who each own
 * one topic nobody else offers (the known right answer), mentors of general topics that resemble those
 * (distractors: "presentation design" for a goal about presenting, "database design" for one about
 * databases), and learners whose goals name a topic directly, by another word, or with a typo.
 */

/** Each topic a mentor offers, and another way a learner might say it. */
export const fixtureTopics: { topic: string; other: string }[] = [
  { topic: 'cataloguing', other: 'cataloging' },
  { topic: 'SQL', other: 'databases' },
  { topic: 'public speaking', other: 'presenting' },
  { topic: 'data visualisation', other: 'data visualization' },
  { topic: 'spreadsheets', other: 'Excel' },
  { topic: 'statistics', other: 'stats' },
  { topic: 'machine learning', other: 'ML' },
  { topic: 'accessibility', other: 'inclusive design' },
  { topic: 'user research', other: 'usability testing' },
  { topic: 'project management', other: 'managing projects' },
  { topic: 'leadership', other: 'leading a team' },
  { topic: 'facilitation', other: 'running workshops' },
  { topic: 'negotiation', other: 'negotiating' },
  { topic: 'time management', other: 'prioritising' },
  { topic: 'difficult conversations', other: 'conflict resolution' },
  { topic: 'stakeholder management', other: 'managing stakeholders' },
  { topic: 'JavaScript', other: 'JS' },
  { topic: 'digital preservation', other: 'archiving' },
  { topic: 'copyright', other: 'licensing' },
  { topic: 'budgeting', other: 'budgets' },
  { topic: 'metadata standards', other: 'metadata' },
  { topic: 'community outreach', other: 'outreach to local communities' },
  { topic: 'grant applications', other: 'applying for grants' },
  { topic: 'research data management', other: 'managing research data' },
  { topic: 'Python', other: 'Python scripts' },
  { topic: 'information literacy', other: 'teaching information literacy' },
  { topic: 'coaching', other: 'how to coach' },
  { topic: 'event planning', other: 'planning events' },
  { topic: 'social media', other: 'social-media posts' },
  { topic: 'copy editing', other: 'copyediting' },
  { topic: 'open access publishing', other: 'open-access publishing' },
  { topic: 'systematic reviews', other: 'a systematic review' },
  { topic: 'web design', other: 'designing websites' },
  { topic: 'change management', other: 'managing change' },
  { topic: 'customer service', other: 'serving customers' },
  { topic: 'interviewing', other: 'job interviews' },
  { topic: 'onboarding', other: 'onboarding new staff' },
  { topic: 'inventory management', other: 'managing inventory' },
  { topic: 'storytelling', other: 'story-telling' },
  { topic: 'bookbinding', other: 'binding books' },
];

/** Topics several mentors offer besides their own; many look like a fixture topic on purpose. */
const generalTopics = [
  'data analysis',
  'product management',
  'team building',
  'presentation design',
  'records management',
  'database design',
  'report writing',
  'research methods',
  'career planning',
  'mentoring new staff',
  'digital skills',
  'service design',
];

const goalWordings = [
  (x: string) => `Get better at ${x}`,
  (x: string) => `Learn ${x} for my work this year`,
  (x: string) => `Build my confidence with ${x}`,
  (x: string) => `Take on ${x} in my new role`,
];

/** A deterministic pseudo-random sequence (mulberry32), so every run builds the same organisation. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A typo a person makes: two letters swapped, one left out, or one doubled, in the longest word and never in
 * its first two letters (which people rarely get wrong). Words shorter than 5 letters are left alone.
 */
export function typo(text: string, kind: number): string {
  const words = text.split(' ');
  const longest = words.reduce((best, w, i) => (w.length > (words[best] ?? '').length ? i : best), 0);
  const w = words[longest] ?? '';
  if (w.length < 5) return text;
  const at = 2 + (kind % (w.length - 3));
  const changed =
    kind % 3 === 0
      ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2)
      : kind % 3 === 1
        ? w.slice(0, at) + w.slice(at + 1)
        : w.slice(0, at) + w[at] + w.slice(at);
  words[longest] = changed;
  return words.join(' ');
}

export interface FixtureMentor {
  key: string;
  name: string;
  topics: string[];
  about: string;
  capacity: number;
}

export interface FixtureGoal {
  learnerKey: string;
  wording: 'topic' | 'other words' | 'typo' | 'typo in other words';
  what: string;
  why: string;
  how: string;
  topics: string[];
  /** The mentor who offers this goal's topic: the right answer. */
  rightMentorKey: string;
}

export interface MatchingFixture {
  mentors: FixtureMentor[];
  learners: { key: string; name: string }[];
  goals: FixtureGoal[];
}

export function matchingFixture(seed = 20261123): MatchingFixture {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const mentors: FixtureMentor[] = fixtureTopics.map((t, i) => {
    const extra = [pick(generalTopics), pick(generalTopics)].filter((g, j, all) => all.indexOf(g) === j);
    return {
      key: `mentor-${i}`,
      name: `Mentor ${i} (${t.topic})`,
      topics: [t.topic, ...extra],
      about: `I have worked on ${t.topic} for ${3 + (i % 9)} years and like helping colleagues get started. I can also help with ${extra.join(' and ')}.`,
      capacity: i % 4,
    };
  });
  // Mentors of general topics only: they resemble many goals and are right for none.
  for (let i = 0; i < 20; i++) {
    const topics = [generalTopics[i % generalTopics.length] as string, pick(generalTopics)].filter(
      (g, j, all) => all.indexOf(g) === j,
    );
    mentors.push({
      key: `general-${i}`,
      name: `General mentor ${i}`,
      topics,
      about: `Happy to talk about ${topics.join(', ')}, and about learning at work in general.`,
      capacity: 2,
    });
  }

  const learners: MatchingFixture['learners'] = [];
  const goals: FixtureGoal[] = [];
  fixtureTopics.forEach((t, i) => {
    // A word too short for a typo ("SQL") stays as it is, and is counted as what it then is.
    const misspelt = (text: string, kind: number, plain: FixtureGoal['wording'], wording: FixtureGoal['wording']) => {
      const changed = typo(text, kind);
      return { wording: changed === text ? plain : wording, text: changed, topics: [] };
    };
    const variants: { wording: FixtureGoal['wording']; text: string; topics: string[] }[] = [
      { wording: 'topic', text: t.topic, topics: [t.topic] },
      { wording: 'other words', text: t.other, topics: [] },
      misspelt(t.topic, i, 'topic', 'typo'),
      misspelt(t.other, i + 1, 'other words', 'typo in other words'),
    ];
    variants.forEach((v, j) => {
      const key = `learner-${i}-${j}`;
      learners.push({ key, name: `Learner ${i}-${j}` });
      goals.push({
        learnerKey: key,
        wording: v.wording,
        what: pick(goalWordings)(v.text),
        why: 'It would help my team and the people we serve.',
        how: 'Reading, practising on real work, and asking a colleague for feedback.',
        topics: v.topics,
        rightMentorKey: `mentor-${i}`,
      });
    });
  });
  return { mentors, learners, goals };
}
