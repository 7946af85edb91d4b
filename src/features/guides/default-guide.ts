/**
 * The built-in guide: the reflection and conversation prompts that walk a learner through the four parts of
 * a plan. An organisation's L&D admins can adapt every prompt (see guides.service.ts).
 */
export const defaultGuide = [
  {
    part: 1,
    intro:
      'Start with what already works for you. Think back over the last few years, at work and outside it, to times you really enjoyed learning something.',
    prompts: [
      'Think of a time you enjoyed learning something. What was it, and when?',
      'How did that learning happen: on your own, with a mentor, in a team, on a course, by doing it? Who was involved?',
      'What made it enjoyable? What made it work for you?',
      'What does this tell you about how you learn best? Add two or three more experiences and look for the pattern.',
    ],
  },
  {
    part: 2,
    intro:
      'Now look ahead. A goal can be an objective or an essential question you face in your work. Answer the six questions for each.',
    prompts: [
      'What do you need to learn? Name one thing, or a question your work keeps asking you.',
      'Why do you need it: for your work, your career or your life?',
      'How will you learn it? Use what you found out about how you learn best.',
      'How will you know you have learned it? What could you do, or what could someone see?',
      'When will you start, and by when? Which milestones mark the way?',
      'Which past learning does it build on, and what could it lead to?',
    ],
  },
  {
    part: 3,
    intro:
      'Nobody learns alone. Map the people, communities and resources that can help with each goal, and decide whom to ask.',
    prompts: [
      'Who could help: a mentor, a coach, a peer, an expert, your supervisor?',
      'Which communities of practice, courses, books, feeds, podcasts, tools or events could help?',
      'Link each to the goals it helps with. Which goal has nobody yet?',
      'Whom will you ask first, and when? Keep track as they agree.',
    ],
  },
  {
    part: 4,
    intro:
      'Learning out loud helps you and the people around you. For each goal, decide how you will share what you learn, and what success looks like.',
    prompts: [
      'How will you share what you learn: a post, a talk, a wiki page, a demo, a community session?',
      'With whom, and how often?',
      'What will success look like at the end of the cycle?',
    ],
  },
] as const satisfies readonly { part: number; intro: string; prompts: readonly string[] }[];
