import type { IngestJobData, WireSource } from '@bulletin/contracts';
import { describeError } from '@bulletin/errors';
import { RedisUnavailableError } from '@bulletin/redis';
import { takePayload, type TakenPayload } from '@bulletin/sources';
import type { PayloadArchive } from '@bulletin/sources-io';
import { parseWire } from '@bulletin/wire';
import { readPayload } from './read-payload.js';

export interface IngestFilesDeps {
  /** Enqueues one ingest job; resolves once Redis has it. */
  enqueue: (data: IngestJobData) => Promise<void>;
  /** Keeps each raw payload for `bulletin replay`. */
  archive?: Pick<PayloadArchive, 'keep'>;
  source: WireSource;
  /** The payload limit in bytes. */
  maxBytes: number;
  /** The item limit of one feed (`INGEST_MAX_ITEMS`). @defaultValue unlimited */
  maxItems?: number;
  /** ISO time stamped on every payload. */
  now: () => string;
  /** Receives one line per file. */
  print: (line: string) => void;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Reads, parses (with the worker's own code), keeps and enqueues one file. */
export async function takeWireFile(
  path: string,
  deps: Omit<IngestFilesDeps, 'print'>,
): Promise<TakenPayload> {
  const { data } = await readPayload(path, deps.source, deps.now(), deps.maxBytes);
  return takePayload(data, {
    // The caps the ingest worker applies, so a file it would refuse is refused here, at once.
    parse: (input) =>
      parseWire(input, {
        maxBytes: deps.maxBytes,
        ...(deps.maxItems === undefined ? {} : { maxItems: deps.maxItems }),
      }),
    enqueue: deps.enqueue,
    ...(deps.archive ? { archive: deps.archive } : {}),
    now: () => Date.parse(data.receivedAt),
  });
}

/** `FILE<TAB>ID ID…[<TAB>(n items rejected: …)]`. */
export function takenLine(path: string, taken: TakenPayload): string {
  const ids = taken.stories.map((story) => story.id).join(' ');
  const rejected =
    taken.rejected.length > 0
      ? `\t(${plural(taken.rejected.length, 'item')} rejected: ${taken.rejected.map((r) => `#${r.index} ${r.reason}`).join('; ')})`
      : '';
  return `${path}\t${ids}${rejected}`;
}

/**
 * `bulletin ingest FILE…`: enqueues each file and prints `FILE<TAB>STORY-ID…`, or
 * `FILE<TAB>refused: CODE: reason`. Resolves to the exit code: 1 if any file was refused.
 * @throws RedisUnavailableError at once, naming how far it got, when Redis goes away.
 */
export async function ingestFiles(
  paths: readonly string[],
  deps: IngestFilesDeps,
): Promise<number> {
  let refused = 0;
  for (const [index, path] of paths.entries()) {
    try {
      deps.print(takenLine(path, await takeWireFile(path, deps)));
    } catch (error) {
      if (error instanceof RedisUnavailableError) throw stoppedAt(error, index, paths.length);
      deps.print(`${path}\trefused: ${describeError(error)}`);
      refused += 1;
    }
  }
  return refused === 0 ? 0 : 1;
}

/** The run stops at the first file Redis could not take: the rest would fail the same way. */
export function stoppedAt(
  error: RedisUnavailableError,
  index: number,
  total: number,
): RedisUnavailableError {
  return new RedisUnavailableError(
    `${error.message} after ${index} of ${total} files; the other ${total - index} were not queued (run again once Redis is back: files already queued are duplicates, not new stories)`,
    { cause: error },
  );
}
