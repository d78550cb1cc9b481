/**
 * @module @bulletin/metrics
 * bulletin's Prometheus series, defined once per process so every scope increments the same
 * ones, and the one place a finished job's result becomes story counts.
 */
export {
  createMetrics,
  QUEUE_STATES,
  type BulletinMetrics,
  type CreateMetricsOptions,
  type QueueState,
} from './metrics.js';
export { countOutcome, reasonLabel } from './count-outcome.js';
