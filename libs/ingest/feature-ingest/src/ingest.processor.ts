import type { IngestJobData } from '@bulletin/contracts';
import type { StageContext } from '@bulletin/queues';
import type { WireFormat, WireInput, WireRejection, WireResult } from '@bulletin/wire';

export interface IngestDeps {
  /** Parses a payload (on or off the main thread). */
  parse: (input: WireInput) => Promise<WireResult>;
}

export interface IngestResult {
  format: WireFormat;
  /** Each story handed to enrichment: its id and the content it carries. */
  stories: { id: string; contentHash: string }[];
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
 * parse → hand on. Ingest stores nothing: the publish stage is the one writer of stories, so
 * a run cut off anywhere is finished by its retry, whose hand-offs collapse into the same jobs
 * (their ids are the story and its content). Unparseable payloads throw permanent errors.
 */
export async function processIngest(
  data: IngestJobData,
  context: Pick<StageContext<'ingest'>, 'handOff' | 'log'>,
  deps: IngestDeps,
): Promise<IngestResult> {
  const parsed = await deps.parse({
    bytes: decodePayload(data),
    source: data.source,
    receivedAt: data.receivedAt,
    ...(data.filename === undefined ? {} : { filename: data.filename }),
    ...(data.contentType === undefined ? {} : { contentType: data.contentType }),
  });
  await context.handOff(parsed.stories.map((story) => ({ story })));
  for (const story of parsed.stories) {
    context.log.info(
      { storyId: story.id, source: data.source.id, headline: story.headline },
      'ingested',
    );
    // An unreadable date or damaged bytes: the story is kept, and the log says what was flagged.
    if (story.warnings !== undefined) {
      context.log.warn(
        { storyId: story.id, source: data.source.id, warnings: story.warnings },
        'story flagged',
      );
    }
  }
  for (const rejection of parsed.rejected) {
    context.log.warn(
      { source: data.source.id, item: rejection.index, reason: rejection.reason },
      'item rejected',
    );
  }
  return {
    format: parsed.format,
    stories: parsed.stories.map((story) => ({ id: story.id, contentHash: story.contentHash })),
    rejected: parsed.rejected,
  };
}
