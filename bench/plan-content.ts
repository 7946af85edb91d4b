/*
 * What the bench's plans contain: text of the length and shape a learner writes, so that reading and saving
 * a plan costs what it costs for real (the request bodies are the API's create bodies).
 */

const goalIdeas = [
  ['Run a hands-on workshop on property-based testing', 'testing', 'teaching'],
  ['Lead the migration of the billing service to PostgreSQL 17', 'databases', 'leadership'],
  ['Give a talk on accessible forms at the regional meetup', 'accessibility', 'speaking'],
  ['Learn enough Rust to review changes to the ingestion service', 'rust', 'code review'],
  ['Mentor two junior developers through their first on-call weeks', 'mentoring', 'operations'],
  ['Write a design document the architecture group approves', 'writing', 'architecture'],
  ['Facilitate our team retrospectives with confidence', 'facilitation', 'agile'],
  ['Understand our observability stack from logs to alerts', 'observability', 'operations'],
  ['Publish four posts on the engineering blog', 'writing', 'sharing'],
  ['Complete the data-protection foundation course', 'privacy', 'compliance'],
  ['Pair every week with the design team on the component library', 'design systems', 'collaboration'],
  ['Speak enough Spanish to join the Madrid team in their stand-ups', 'languages', 'collaboration'],
] as const;

/** The title of goal `i` (0-based), also the text autosave types into. */
export const goalTitle = (i: number) => goalIdeas[i % goalIdeas.length]?.[0] as string;

const month = (i: number) => String(3 + (i % 9)).padStart(2, '0');

/** The create body of goal `i`, linked to some of the plan's reflections. */
export function goalBody(i: number, reflectionIds: string[] = []) {
  const [what, topicA, topicB] = goalIdeas[i % goalIdeas.length] as (typeof goalIdeas)[number];
  return {
    what,
    why:
      `Last cycle I noticed that ${topicA} keeps coming up in my work and I mostly improvise. My manager and I agreed ` +
      `that getting solid at it would help the team and would let me take on more ${topicB} work next year.`,
    how:
      `Block two hours every Thursday for it. Read one chapter or watch one talk a week, try each idea on a real ` +
      `ticket, and ask my mentor to review what I produce once a month. Keep notes in the team wiki as I go.`,
    evidence:
      `By the target date I can show concrete results to my manager, and at least two colleagues tell me that ` +
      `what I did on ${topicA} was useful to them. I write a short retrospective of what worked.`,
    startDate: '2027-01-15',
    targetDate: `2027-${month(i)}-28`,
    status: i % 5 === 0 ? ('idea' as const) : ('active' as const),
    progress: (i * 15) % 100,
    topics: [topicA, topicB],
    reflectionIds: reflectionIds.length > 0 ? [reflectionIds[i % reflectionIds.length] as string] : [],
    milestones: [
      { id: `m${i}-1`, title: 'Agree the scope with my manager', dueDate: '2027-02-01', done: true },
      {
        id: `m${i}-2`,
        title: `First attempt at ${topicA}, reviewed by a peer`,
        dueDate: `2027-${month(i)}-01`,
        done: false,
      },
      { id: `m${i}-3`, title: 'Share what I learned with the team', dueDate: `2027-${month(i)}-25`, done: false },
    ],
  };
}

const reflectionIdeas = [
  ['Paired with Priya on the flaky checkout tests', 'March 2026', 'peer_to_peer', 'Priya Raman'],
  ['Ran the incident review after the November outage', 'November 2026', 'on_the_job', 'The platform team'],
  ['Weekly sessions with my mentor about career steps', 'All of 2026', 'mentoring', 'Amara Okafor'],
  ['Read "Designing Data-Intensive Applications" with the book club', 'Spring 2026', 'reading_listening', 'Book club'],
  ['Presented our migration plan at the architecture forum', 'June 2026', 'on_the_job', 'Architecture group'],
  ['Attended the accessibility track at FrontendConf', 'September 2026', 'conference_event', 'Lucía Fernández'],
  ['Built a small CLI in Rust over a long weekend', 'August 2026', 'self_directed', 'Nobody, just me'],
  ['Helped the new joiners with their first deployments', 'October 2026', 'team_based', 'Two new colleagues'],
] as const;

export function reflectionBodies() {
  return reflectionIdeas.map(([what, happenedWhen, form, people]) => ({
    what,
    happenedWhen,
    form,
    people,
    enjoyable:
      'I had time to go deep instead of switching between tickets, and someone was there to ask when I got stuck. ' +
      'Seeing the result used by others the week after made it feel worth it.',
    learnedAboutMe:
      'I learn best when I explain things to someone else and when there is a concrete problem to solve. ' +
      'I avoid asking for help too long; a fixed slot with someone makes it easier.',
  }));
}

const people = ['Amara Okafor', 'Jonas Weber', 'Priya Raman', 'Lucía Fernández', 'Tom Becker', 'Mei Lin'];
const personRelations = ['mentor', 'coach', 'peer', 'expert', 'supervisor', 'colleague'] as const;
const communities = ['Testing Guild', 'PostgreSQL Meetup', 'Accessibility Slack', 'Rust Users Group'];
const resources = [
  ['Designing Data-Intensive Applications', 'book'],
  ['The Rust Programming Language', 'book'],
  ['Inclusive Components', 'website'],
  ['Software Engineering Daily', 'podcast'],
  ['Observability Weekly', 'feed'],
  ['Data protection foundation course', 'course'],
  ['Excalidraw', 'tool'],
  ['Retromat', 'website'],
  ['SREcon Europe', 'event'],
  ['Spanish for professionals', 'course'],
] as const;
const enlistments = ['to_ask', 'asked', 'agreed', 'active'] as const;

function networkEntry(i: number) {
  if (i < 12) {
    const name = `${people[i % people.length]}${i >= people.length ? ' (second team)' : ''}`;
    return { kind: 'person' as const, name, relation: personRelations[i % personRelations.length], url: null };
  }
  if (i < 20) {
    const name = `${communities[i % communities.length]}${i >= 16 ? ' (local chapter)' : ''}`;
    return { kind: 'community' as const, name, relation: i % 2 === 0 ? 'community' : 'event', url: null };
  }
  const [name, relation] = resources[(i - 20) % resources.length] as (typeof resources)[number];
  const url = `https://example.org/learning/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return { kind: 'resource' as const, name, relation, url };
}

/** 30 entries (12 people, 8 communities, 10 resources), each linked to one to three of the plan's goals. */
export function networkBodies(goalIds: string[]) {
  return Array.from({ length: 30 }, (_, i) => ({
    ...networkEntry(i),
    enlistment: enlistments[i % enlistments.length],
    notes: 'Met at the autumn offsite. Prefers a short message first; Tuesdays and Thursdays work best for a call.',
    goalIds: Array.from({ length: 1 + (i % 3) }, (_, k) => goalIds[(i + k * 5) % goalIds.length] as string),
  }));
}

const audiences = ['My team', 'The frontend guild', 'Engineering all-hands', 'The company blog readers'];

/** One sharing commitment per goal, alternating posts and talks, monthly. */
export function shareBodies(goalIds: string[]) {
  return goalIds.map((goalId, i) => ({
    goalId,
    how: i % 2 === 0 ? ('post' as const) : ('talk' as const),
    cadence: 'monthly' as const,
    detail: i % 2 === 0 ? 'A short write-up in the team wiki with links' : 'Ten minutes at the team demo',
    audience: audiences[i % audiences.length],
    startsOn: '2027-02-01',
    success: 'Someone asks a follow-up question or uses what I shared in their own work within the month.',
  }));
}
