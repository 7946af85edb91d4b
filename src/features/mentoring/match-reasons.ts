import type { MentorRow, PeerRow } from './mentoring.repository.js';

const wordsOf = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const quoted = (words: string[]) =>
  words.length === 1
    ? `'${words[0]}'`
    : `${words
        .slice(0, -1)
        .map((w) => `'${w}'`)
        .join(', ')} and '${words.at(-1)}'`;

/** Whether a mentor has said how many mentees they take and has that many already. */
export const isFull = (m: Pick<MentorRow, 'capacity' | 'activeMentees'>) =>
  m.capacity > 0 && m.activeMentees >= m.capacity;

/** Why a mentor was suggested, in the learner's words, strongest first. */
export function mentorReasons(m: MentorRow): string[] {
  const reasons = m.matchedTopics.slice(0, 3).map((t) => `Offers mentoring on ${t}`);
  // Words already explained by a topic would only repeat it.
  const topicWords = new Set(m.matchedTopics.flatMap(wordsOf));
  const extra = m.mentioned.filter((w) => !topicWords.has(w)).slice(0, 3);
  if (extra.length > 0) reasons.push(`Their profile mentions ${quoted(extra)}`);
  if (m.capacity > 0) {
    const free = m.capacity - m.activeMentees;
    reasons.push(
      free > 0
        ? `Has room for ${free} more ${free === 1 ? 'mentee' : 'mentees'}`
        : 'Has no free mentee places right now',
    );
  }
  return reasons;
}

export function peerReasons(p: PeerRow): string[] {
  return p.topics.slice(0, 3).map((t) => `Also learning ${t}`);
}
