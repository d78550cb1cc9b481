import { readFile, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import type { IngestJobData, WireSource } from '@bulletin/contracts';
import { BulletinError } from '@bulletin/errors';

/** A file that cannot be enqueued as it is. */
export class FileRefusedError extends BulletinError {
  constructor(code: string, message: string, cause?: unknown) {
    super(code, message, { permanent: true, cause });
  }
}

/**
 * Reads a wire file into ingest job data; bytes that are not UTF-8 travel as base64.
 * @param maxBytes the configured payload limit (`INGEST_MAX_BYTES`).
 */
export async function readPayload(
  path: string,
  source: WireSource,
  receivedAt: string,
  maxBytes: number,
): Promise<{ data: IngestJobData; bytes: Buffer }> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FileRefusedError('FILE_NOT_REGULAR', 'not a regular file');
    if (info.size > maxBytes) {
      throw new FileRefusedError(
        'FILE_TOO_LARGE',
        `${info.size} bytes is over the ${maxBytes}-byte limit`,
      );
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new FileRefusedError('FILE_UNREADABLE', `cannot read it (${code})`, error);
  }
  const utf8 = isUtf8(bytes);
  const data: IngestJobData = {
    source,
    receivedAt,
    filename: path,
    encoding: utf8 ? 'utf8' : 'base64',
    payload: bytes.toString(utf8 ? 'utf8' : 'base64'),
  };
  return { data, bytes };
}
