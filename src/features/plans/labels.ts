import type { cadences, networkRelations, shareHows } from './plans.schema.js';

/*
 * Words people read for the plan's enumerations; shared by the web app and the exports so a form of learning
 * reads the same everywhere.
 */

export const learningFormLabels = {
  peer_to_peer: 'Peer-to-peer',
  coaching: 'Coaching',
  mentoring: 'Mentoring',
  community_of_practice: 'Community of practice',
  self_directed: 'Self-directed / individual',
  team_based: 'Team-based',
  on_the_job: 'On the job / experiential',
  formal_course: 'Formal course',
  social_online: 'Social media / online',
  conference_event: 'Conference / event',
  reading_listening: 'Reading / listening',
} as const;

export const goalStatusLabels = {
  idea: 'Idea',
  active: 'Active',
  achieved: 'Achieved',
  paused: 'Paused',
  dropped: 'Dropped',
} as const;

/** The two kinds of supervisor review (collaboration schema): named so in history, notices and the reviews tab. */
export const reviewKindLabels = { agreement: 'Learning agreement', year_end: 'Year-end review' } as const;

export const networkKindLabels = { person: 'Person', community: 'Community', resource: 'Resource' } as const;

export const enlistmentLabels = {
  to_ask: 'To ask',
  asked: 'Asked',
  agreed: 'Agreed',
  declined: 'Declined',
  active: 'Active',
  ended: 'Ended',
} as const;

export const networkRelationLabels: Record<(typeof networkRelations)[number], string> = {
  mentor: 'Mentor',
  coach: 'Coach',
  peer: 'Peer',
  expert: 'Expert',
  supervisor: 'Supervisor',
  colleague: 'Colleague',
  community: 'Community of practice',
  course: 'Course',
  book: 'Book',
  feed: 'Feed / blog',
  podcast: 'Podcast',
  tool: 'Tool',
  event: 'Event',
  website: 'Website',
  other: 'Other',
};

export const shareHowLabels: Record<(typeof shareHows)[number], string> = {
  post: 'A post',
  talk: 'A talk',
  wiki: 'A wiki page',
  demo: 'A demo',
  community_session: 'A community session',
  newsletter: 'A newsletter item',
  conversation: 'A conversation',
  other: 'Another way',
};

export const cadenceLabels: Record<(typeof cadences)[number], string> = {
  once: 'Once',
  weekly: 'Every week',
  fortnightly: 'Every two weeks',
  monthly: 'Every month',
  quarterly: 'Every quarter',
};

export const partTitles = {
  1: 'Reflect on past enjoyable learning',
  2: 'Build your learning goals',
  3: 'Map and enlist your learning network',
  4: 'Plan your success and sharing',
} as const;
