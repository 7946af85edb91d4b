/**
 * The learner-mindset questions a check-in asks (PRODUCT.md, "Check-ins & reminders"): short, first person,
 * about learning rather than performance. Each has a stable id the API and the form use; a check-in stores
 * the question's text as it was asked, so changing a wording later never rewrites old check-ins.
 */
export const checkinPrompts = [
  { id: 'learned', text: 'What did I learn since my last check-in?' },
  { id: 'working', text: 'What is working in how I learn?' },
  { id: 'obstacles', text: 'What got in the way, and what will I try differently?' },
  { id: 'curious', text: 'What am I curious about next?' },
  { id: 'help', text: 'Who helped me, or whom could I ask?' },
] as const;

export type CheckinPromptId = (typeof checkinPrompts)[number]['id'];
export const checkinPromptIds = checkinPrompts.map((p) => p.id) as [CheckinPromptId, ...CheckinPromptId[]];

/** Longest answer to one question: a few paragraphs, enough to think, short enough to keep a check-in quick. */
export const ANSWER_MAX = 2000;
