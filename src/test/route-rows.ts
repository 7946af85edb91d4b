/// <reference types="vite/client" />
import type { Row } from './matrix-kit.js';

/**
 * Every route's access-matrix row: each feature's rows are in `access-rows/<feature>.ts`.
 * The access matrix tries each as every kind of person; the double-submit test replays them at once.
 */
export const routeRows: Row[] = Object.values(
  import.meta.glob<{ rows: Row[] }>('./access-rows/*.ts', { eager: true }),
).flatMap((m) => m.rows);
