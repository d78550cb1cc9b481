import type { IngestJobData } from '@bulletin/contracts';
import type { Producers } from '@bulletin/queues';
import type { SaveOutcome, StoryStore } from '@bulletin/store';
import { parseWire, type WireFormat, type WireRejection } from '@bulletin/wire';

export interface IngestDeps {
  store: Pick<StoryStore, 'saveIncoming'>;
  producers: Pick<Producers, 'enrich'>;
}

export interface IngestResult {
  format: WireFormat;
  stories: { id: string; version: number; outcome: SaveOutcome }[];
  /** Items of a feed that could not become stories, with the reason for each. */
  rejected: WireRejection[];
}

/** The payload's bytes: base64 when the producer could not vouch for UTF-8. */
export function decodePayload(
  data: Pick<IngestJobData, 'encoding' | 'payload'>,
): Uint8Array | string {
  return data.encoding === 'base64' ? Buffer.from(data.payload, 'base64') : data.payload;
}

/**
 * parse → store → hand on. Unparseable payloads throw permanent `WireParseError`s. A story that
 * repeats its stored version is not handed on again, so re-ingesting a file changes nothing.
 */
export async function processIngest(data: IngestJobData, deps: IngestDeps): Promise<IngestResult> {
  const parsed = await parseWire({
    bytes: decodePayload(data),
    source: data.source,
    receivedAt: data.receivedAt,
    ...(data.filename === undefined ? {} : { filename: data.filename }),
  });
  const saved = await Promise.all(parsed.stories.map((story) => deps.store.saveIncoming(story)));
  await deps.producers.enrich(saved.filter((s) => s.outcome !== 'duplicate').map((s) => s.story));
  return {
    format: parsed.format,
    stories: saved.map(({ outcome, story }) => ({ id: story.id, version: story.version, outcome })),
    rejected: parsed.rejected,
  };
}
