import type { IngestJobData, WireSource } from '@bulletin/contracts';
import { readWireFile, toIngestData } from '@bulletin/sources-io';

export { FileRefusedError } from '@bulletin/sources-io';

/**
 * Reads a wire file into ingest job data; bytes that are not UTF-8 travel as base64.
 * @param maxBytes the configured payload limit (`INGEST_MAX_BYTES`).
 * @throws FileRefusedError `FILE_NOT_REGULAR`, `FILE_TOO_LARGE`, `FILE_UNREADABLE`
 */
export async function readPayload(
  path: string,
  source: WireSource,
  receivedAt: string,
  maxBytes: number,
): Promise<{ data: IngestJobData; bytes: Buffer }> {
  const bytes = await readWireFile(path, maxBytes);
  return { data: toIngestData(bytes, { source, receivedAt, filename: path }), bytes };
}
