/*
 * Shown before enrolling, word for word: what organisers will see of the participant's progress. Its own module,
 * with nothing imported, so the web app can show organisers the same sentence without bundling server code.
 */
export const ORGANISERS_SEE =
  'Organisers see which things you marked tried and reflected on, when, and the reflections you shared with the ' +
  'cohort or the organisation; not your private reflections.';
