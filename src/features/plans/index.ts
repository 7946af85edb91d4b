/*
 * The plans feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */

export { sanitizeForPdf } from './export/plan-pdf.js';
export { guideProgress } from './guide-progress.js';
export { goalHasContent } from './item-content.js';
export { goalStatusLabels, learningFormLabels, reviewKindLabels, shareHowLabels } from './labels.js';
export type { PlanContent } from './plan-content.js';
export { contentOf, planContent, toDocument } from './plan-content.js';
export type { PlanHistory } from './plan-history.js';
export { planHistory } from './plan-history.js';
export { planItemsRoutes } from './plan-items.routes.js';
export { createItem, recordShareDone, updateItemFields } from './plan-items.service.js';
export type { PartRow } from './plan-parts.js';
export { describeItem, planParts, snapshotOf } from './plan-parts.js';
export { startPlansFromTemplates } from './plan-transfer.service.js';
export type { PlanRow } from './plans.repository.js';
export { findItem, listItems, lockPlan, updateItem } from './plans.repository.js';
export { plansRoutes } from './plans.routes.js';
export type { GoalView, PlanView, ShareView } from './plans.schema.js';
export {
  goalStatusEnum,
  goalView,
  learningFormEnum,
  networkView,
  planParams,
  reflectionView,
  shareView,
} from './plans.schema.js';
export { listPlansWhileSuspended, loadPlanView, readPlan, writePlan, writePlanOnBehalf } from './plans.service.js';
export { revisionsRoutes } from './revisions.routes.js';
export { sharingStatus } from './sharing-status.js';
export type { GoalExamples } from './smart-check.js';
export { defaultGoalExamples } from './smart-check.js';
