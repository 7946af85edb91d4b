/*
 * The programmes feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */

export { enrolmentsRoutes } from './enrolments.routes.js';
export { ORGANISERS_SEE } from './enrolments.schema.js';
export { programmesInProgress } from './participation.service.js';
export { programmeCoverRoutes } from './programme-cover.routes.js';
export { writeProgrammeDocument } from './programme-document.js';
export {
  loadProgrammeOutline,
  meetsCompletionRule,
  type ProgrammeOutline,
  type ProgrammeRow,
  type ProgrammeThingRow,
  type ProgrammeWeekRow,
  thingDone,
} from './programme-outline.js';
export { parseProgrammeDocument } from './programme-transfer.service.js';
export { programmesRoutes } from './programmes.routes.js';
export { type ReflectionInput, recordReflection, recordTried, settleCompletion } from './progress.js';
export {
  daysBehind,
  type Pacing,
  type ParticipantSchedule,
  participantSchedule,
  weekReleaseDate,
} from './release-schedule.js';
export { starterProgramme } from './starter-programme.js';
