import { digest } from '@bulletin/story';
import {
  enrichJobSchema,
  ingestJobSchema,
  parseWith,
  publishJobSchema,
  notifyJobSchema,
  pollJobSchema,
  digestJobSchema,
  type DigestJobData,
  type EnrichJobData,
  type PollJobData,
  type NotifyJobData,
  type IngestJobData,
  type PublishJobData,
} from './payloads.js';

/** What each stage's jobs carry. */
export interface StageData {
  ingest: IngestJobData;
  enrich: EnrichJobData;
  publish: PublishJobData;
  notify: NotifyJobData;
  poll: PollJobData;
  digest: DigestJobData;
}

export type StageName = keyof StageData;

/** One stage of the pipeline: its queue, its job name, its payload parser and its successor. */
export interface StageContract<S extends StageName> {
  readonly stage: S;
  /** BullMQ queue name. */
  readonly queue: string;
  /** BullMQ job name. */
  readonly job: string;
  /** Validates job data at the worker boundary. @throws StoryValidationError (permanent) */
  readonly parse: (value: unknown) => StageData[S];
  /** The stage this one hands its results to; `null` for the last. */
  readonly next: StageName | null;
  /**
   * The job id of a payload, from what makes its run distinct: a repeated hand-off of the same
   * run collapses into one job, a distinct run (new content, a re-tag) never does. Undefined
   * lets BullMQ number the job.
   */
  readonly jobId: (data: StageData[S]) => string | undefined;
  /**
   * Its jobs can be cancelled (BullMQ `cancelJob`), so its processor gets an abort signal. Off
   * elsewhere: BullMQ then tracks no abort controller per job.
   */
  readonly cancellable?: true;
}

/** The content a story version carries, and the run that handles it (a re-tag, or none). */
function storyRunId({ story, retag }: EnrichJobData): string {
  return `${story.id}-${story.contentHash}${retag === undefined ? '' : `-r${retag}`}`;
}

/** A tagged version: its content plus the tags it carries, so a re-tag that moves it is new. */
function taggedRunId(data: PublishJobData): string {
  const slugs = data.story.subjects.map((subject) => subject.slug).join(' ');
  return `${storyRunId(data)}-t${digest(slugs).slice(0, 12)}`;
}

/**
 * The pipeline as a table. Producers, workers, the dashboard and the operator CLI all take
 * queue names, job names, parsers and successors from here, so inserting a stage is a change of
 * this table and of the wiring, not of the processors around it.
 */
export const PIPELINE = Object.freeze({
  ingest: {
    stage: 'ingest',
    queue: 'ingest',
    job: 'ingest-payload',
    parse: (value: unknown) => parseWith(ingestJobSchema, 'ingest', value),
    next: 'enrich',
    jobId: () => undefined,
  },
  enrich: {
    stage: 'enrich',
    queue: 'enrich',
    job: 'enrich-story',
    parse: (value: unknown) => parseWith(enrichJobSchema, 'enrich', value),
    next: 'publish',
    jobId: storyRunId,
  },
  publish: {
    stage: 'publish',
    queue: 'publish',
    job: 'publish-story',
    parse: (value: unknown) => parseWith(publishJobSchema, 'publish', value),
    next: null,
    jobId: taggedRunId,
  },
  // Beside the chain, fed by the publish stage: WebSub hubs told of changed feeds. Numbered by
  // BullMQ; a burst for one feed is collapsed by de-duplication when it is added.
  notify: {
    stage: 'notify',
    queue: 'notify',
    job: 'notify-hubs',
    parse: (value: unknown) => parseWith(notifyJobSchema, 'notify', value),
    next: null,
    jobId: () => undefined,
  },
  // Before the chain, fed by one job scheduler per feed source: the poll worker fetches the feed
  // and hands a changed body to `ingest` as a raw payload. The scheduler numbers its jobs.
  poll: {
    stage: 'poll',
    queue: 'poll',
    job: 'poll-source',
    parse: (value: unknown) => parseWith(pollJobSchema, 'poll', value),
    next: 'ingest',
    jobId: () => undefined,
    cancellable: true,
  },
  // Beside the chain, fed by the editions' job schedulers: one job per edition slot.
  digest: {
    stage: 'digest',
    queue: 'digest',
    job: 'run-edition',
    parse: (value: unknown) => parseWith(digestJobSchema, 'digest', value),
    next: null,
    jobId: () => undefined,
  },
} as const satisfies { [S in StageName]: StageContract<S> });

/** The stages a story passes through, in pipeline order. */
export const STAGES: readonly StageName[] = ['ingest', 'enrich', 'publish'];

/** Every queue of the table: the chain, then the queues beside it. */
export const ALL_STAGES: readonly StageName[] = [...STAGES, 'notify', 'poll', 'digest'];

/** The stage after `S`, or `never` for the last. */
export type NextStage<S extends StageName> = (typeof PIPELINE)[S]['next'] extends StageName
  ? (typeof PIPELINE)[S]['next']
  : never;

/** What `S` hands to its successor. */
export type HandOffData<S extends StageName> = StageData[NextStage<S>];
