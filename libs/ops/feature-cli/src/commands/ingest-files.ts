import type { IngestJobData, WireSource } from '@bulletin/contracts';
import { describeError } from '@bulletin/errors';
import { parseWire } from '@bulletin/wire';
import { readPayload } from './read-payload.js';

export interface IngestFilesDeps {
  /** Enqueues one ingest job; resolves once Redis has it. */
  enqueue: (data: IngestJobData) => Promise<void>;
  source: WireSource;
  /** The payload limit in bytes. */
  maxBytes: number;
  /** ISO time stamped on every payload. */
  now: () => string;
  /** Receives one line per file. */
  print: (line: string) => void;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

async function ingestFile(path: string, deps: IngestFilesDeps): Promise<boolean> {
  try {
    const { data, bytes } = await readPayload(path, deps.source, deps.now(), deps.maxBytes);
    // Parse here too, with the worker's own code, so the user learns at once which story the
    // file became or why it cannot become one — not only in the failed set later.
    const parsed = await parseWire({
      bytes,
      source: data.source,
      receivedAt: data.receivedAt,
      filename: path,
    });
    await deps.enqueue(data);
    const ids = parsed.stories.map((story) => story.id).join(' ');
    const rejected =
      parsed.rejected.length > 0
        ? `\t(${plural(parsed.rejected.length, 'item')} rejected: ${parsed.rejected.map((r) => `#${r.index} ${r.reason}`).join('; ')})`
        : '';
    deps.print(`${path}\t${ids}${rejected}`);
    return true;
  } catch (error) {
    deps.print(`${path}\trefused: ${describeError(error)}`);
    return false;
  }
}

/**
 * `bulletin ingest FILE…`: enqueues each file and prints `FILE<TAB>STORY-ID…`, or
 * `FILE<TAB>refused: CODE: reason`. Resolves to the exit code: 1 if any file was refused.
 */
export async function ingestFiles(
  paths: readonly string[],
  deps: IngestFilesDeps,
): Promise<number> {
  let refused = 0;
  for (const path of paths) {
    if (!(await ingestFile(path, deps))) refused += 1;
  }
  return refused === 0 ? 0 : 1;
}
