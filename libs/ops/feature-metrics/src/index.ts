/**
 * @module @bulletin/metrics-endpoint
 * `GET /metrics` for every bulletin process: its Prometheus series and the queues' counts.
 */
export { metricsPlugin, type MetricsPluginOptions } from './metrics-plugin.js';
