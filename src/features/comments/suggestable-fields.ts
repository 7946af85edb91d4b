/*
 * Shared by the server (which fields a suggestion may change) and the web app (how they are named): kept
 * apart from comments.schema.ts so the web bundle does not carry Zod and the database schema with it.
 */

/** The fields a comment may suggest new wording for: the free-text ones. */
export const suggestableFields = {
  goal: ['what', 'why', 'how', 'evidence', 'links'],
  reflection: ['what', 'happenedWhen', 'people', 'enjoyable', 'learnedAboutMe'],
} as const;

/** How those fields are named to people (as the plan's editors name them). */
export const suggestableFieldLabels: Record<string, string> = {
  what: 'What',
  why: 'Why',
  how: 'How',
  evidence: 'How you will know',
  links: 'Links to past and future learning',
  happenedWhen: 'When',
  people: 'Who was involved',
  enjoyable: 'What made it enjoyable',
  learnedAboutMe: 'What it says about how you learn',
};
