import type { learningForms } from '../../db/schema/plans.js';

/*
 * PRODUCT.md: "Reports show the mix of formal, social and informal learning" from the one taxonomy of forms.
 * Formal learning is organised and structured by someone else; social learning happens with and through other
 * people; informal learning is what people do on their own, at work or in their reading.
 */
export const formGroups = ['formal', 'social', 'informal'] as const;
export type FormGroup = (typeof formGroups)[number];

export const formGroupLabels: Record<FormGroup, string> = {
  formal: 'Formal',
  social: 'Social',
  informal: 'Informal',
};

export const formGroupOf: Record<(typeof learningForms)[number], FormGroup> = {
  formal_course: 'formal',
  conference_event: 'formal',
  peer_to_peer: 'social',
  coaching: 'social',
  mentoring: 'social',
  community_of_practice: 'social',
  team_based: 'social',
  social_online: 'social',
  self_directed: 'informal',
  on_the_job: 'informal',
  reading_listening: 'informal',
};
