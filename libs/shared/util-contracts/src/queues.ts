/**
 * Queue and job names. Producers and workers import them from here and nowhere else, so a
 * renamed queue cannot leave a producer writing where no worker reads.
 */
export const QUEUES = Object.freeze({
  ingest: 'ingest',
  enrich: 'enrich',
  publish: 'publish',
} as const);

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = Object.freeze({
  ingestPayload: 'ingest-payload',
  enrichStory: 'enrich-story',
  publishStory: 'publish-story',
} as const);

/** The largest raw payload a producer may enqueue (bytes, before base64). */
export const MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;

/** Job id for a story version: retried or repeated hand-offs of one version collapse into one job. */
export function storyVersionJobId(id: string, version: number): string {
  return `${id}-v${version}`;
}
