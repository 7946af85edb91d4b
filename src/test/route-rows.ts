/// <reference types="vite/client" />
import type { Row } from '../features/access/matrix-kit.js';

/**
 * Every route's access-matrix row: each feature keeps its rows beside its routes in `*.access-rows.ts`.
 * The access matrix tries each as every kind of person; the double-submit test replays them at once.
 */
export const routeRows: Row[] = Object.values(
  import.meta.glob<{ rows: Row[] }>('../features/**/*.access-rows.ts', { eager: true }),
).flatMap((m) => m.rows);
