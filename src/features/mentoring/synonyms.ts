/**
 * Words people use for the same thing when they name what they want to learn. Trigrams catch spelling
 * ("cataloging" ~ "cataloguing") and full-text search catches word endings ("presentations" ~ "presenting"),
 * but neither knows that someone learning "databases" wants the person who offers "SQL". Each group is a
 * set of interchangeable names for one topic; kept short and general on purpose: a wrong synonym
 * suggests the wrong person, a missing one only leaves the other signals to work. The database finds
 * which groups a goal mentions with the same trigram similarity as topics, so "databses" still counts.
 */
export const synonymGroups: readonly (readonly string[])[] = [
  ['sql', 'databases', 'database', 'queries', 'postgresql'],
  ['public speaking', 'presenting', 'presentations', 'giving talks'],
  ['data visualisation', 'data visualization', 'charts', 'dashboards'],
  ['spreadsheets', 'excel', 'pivot tables'],
  ['statistics', 'stats'],
  ['machine learning', 'ml'],
  ['accessibility', 'a11y', 'inclusive design'],
  ['user research', 'ux research', 'usability testing', 'interviewing users'],
  ['project management', 'managing projects'],
  ['leadership', 'leading teams', 'leading a team'],
  ['facilitation', 'running workshops', 'facilitating'],
  ['negotiation', 'negotiating'],
  ['time management', 'prioritising', 'prioritizing'],
  ['difficult conversations', 'conflict resolution'],
  ['stakeholder management', 'managing stakeholders'],
  ['javascript', 'js'],
  ['digital preservation', 'archiving'],
  ['copyright', 'licensing'],
  ['budgeting', 'budgets'],
  ['writing', 'copywriting', 'plain language'],
];
