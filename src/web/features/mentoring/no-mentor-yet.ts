import { listWords } from '../../../features/reviews/agreed-change-words';

/**
 * What to say when nobody offers mentoring for a goal. Asking for topics only makes sense when the goal has
 * none; a goal that names them is told that nobody offers those yet, and where else to look meanwhile.
 */
export function noMentorYet(topics: string[]): string {
  if (topics.length === 0) {
    return 'Nobody offers mentoring on this yet. Naming the topics of your goal (under Topics and skills) helps us find someone.';
  }
  const named = listWords(topics.map((t) => `“${t}”`)).replace(/ and (“[^”]*”)$/, ' or $1');
  return `Nobody in your organisation offers mentoring on ${named} yet. Colleagues learning the same, below, or a community on the topic can help meanwhile.`;
}
