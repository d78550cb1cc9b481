import type { IngestJobData } from '@bulletin/contracts';
import type { PayloadArchive } from '@bulletin/sources-io';
import type { WireInput, WireRejection, WireResult } from '@bulletin/wire';

export interface TakePayloadDeps {
  /** The ingest worker's own parser, so the caller learns the story ids (or the refusal) now. */
  parse: (input: WireInput) => Promise<WireResult>;
  /** Puts the payload on the `ingest` queue; resolves once Redis has it. */
  enqueue: (data: IngestJobData) => Promise<void>;
  /** Keeps the raw payload for replay; absent, nothing is kept. */
  archive?: Pick<PayloadArchive, 'keep'>;
  now: () => number;
}

/** A payload that was taken: the stories the ingest stage will make of it. */
export interface TakenPayload {
  stories: { id: string; contentHash: string }[];
  rejected: WireRejection[];
}

/**
 * parse → keep → enqueue: how every source (push, folder, poll, the CLI) hands a raw payload to
 * the pipeline. Parsing here, with the worker's code, gives the ids the ingest stage will
 * assign, and refuses a payload that can never become a story before it is queued.
 * @throws WireParseError (permanent) for a payload that cannot be parsed.
 */
export async function takePayload(
  data: IngestJobData,
  deps: TakePayloadDeps,
): Promise<TakenPayload> {
  const parsed = await deps.parse({
    bytes: data.encoding === 'base64' ? Buffer.from(data.payload, 'base64') : data.payload,
    source: data.source,
    receivedAt: data.receivedAt,
    ...(data.filename === undefined ? {} : { filename: data.filename }),
    ...(data.contentType === undefined ? {} : { contentType: data.contentType }),
  });
  const stories = parsed.stories.map((story) => ({ id: story.id, contentHash: story.contentHash }));
  await deps.archive?.keep(
    data,
    stories.map((story) => story.id),
    deps.now(),
  );
  await deps.enqueue(data);
  return { stories, rejected: parsed.rejected };
}
