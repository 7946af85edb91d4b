/** What the database is asked for one goal; built here so the SQL stays about ranking, not wording. */
export interface GoalQuery {
  /** Lower-case text a mentor's or peer's topic is compared with (trigram word similarity). */
  text: string;
  /** The goal's own topics, which a mentor's topic may resemble as a whole (trigram similarity). */
  terms: string[];
  /** Distinct words of what the goal names, for full-text search; each also checked alone to say which matched. */
  words: string[];
}

/**
 * Words that say someone wants to learn, not what: without them every mentor who writes "I help people
 * learn" would match every goal.
 */
const notTopics = new Set(
  (
    'learn learning learned improve improving better get getting want wanting understand understanding skill skills ' +
    'know knowing become able use using work working more how my our the and for with into about start starting ' +
    'basics confident confidence good great new year this next own can will so that help or ' +
    'colleague colleagues team people role job'
  ).split(' '),
);

const wordsOf = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function goalQuery(goal: { what: string; why: string; how: string; topics: string[] }): GoalQuery {
  // "Why" is left out of the topic text: it says what the learning is for, which is often another topic.
  const main = [goal.what, goal.how, ...goal.topics].join(' \n ');
  // Full-text search uses what the goal names (its "what" and topics): words of "how" and "why" ("ask a
  // colleague", "for the service") would match most people's profiles and cost a look at each of them.
  const words = wordsOf([goal.what, ...goal.topics].join(' ')).filter((w) => w.length > 1 && !notTopics.has(w));
  return {
    text: main.toLowerCase(),
    terms: [...new Set(goal.topics.map((t) => t.trim().toLowerCase()).filter(Boolean))].slice(0, 20),
    words: [...new Set(words)].slice(0, 40),
  };
}
