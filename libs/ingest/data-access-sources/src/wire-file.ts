import { isUtf8 } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import type { IngestJobData, WireSource } from '@bulletin/contracts';
import { BulletinError } from '@bulletin/errors';

/** A file that cannot be taken as it is: not a file, too big, unreadable. */
export class FileRefusedError extends BulletinError {
  constructor(code: string, message: string, cause?: unknown) {
    super(code, message, { permanent: true, cause });
  }
}

/** Raw bytes as ingest job data: text when they are UTF-8, base64 (untouched) otherwise. */
export function toIngestData(
  bytes: Buffer,
  meta: { source: WireSource; receivedAt: string; filename?: string; contentType?: string },
): IngestJobData {
  const utf8 = isUtf8(bytes);
  return {
    source: meta.source,
    receivedAt: meta.receivedAt,
    ...(meta.filename === undefined ? {} : { filename: meta.filename }),
    ...(meta.contentType === undefined ? {} : { contentType: meta.contentType }),
    encoding: utf8 ? 'utf8' : 'base64',
    payload: bytes.toString(utf8 ? 'utf8' : 'base64'),
  };
}

/**
 * Reads a wire file, refusing what is not a regular file or is over `maxBytes`.
 * @throws FileRefusedError `FILE_NOT_REGULAR`, `FILE_TOO_LARGE`, `FILE_UNREADABLE`
 */
export async function readWireFile(path: string, maxBytes: number): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FileRefusedError('FILE_NOT_REGULAR', 'not a regular file');
    if (info.size > maxBytes) {
      throw new FileRefusedError(
        'FILE_TOO_LARGE',
        `${info.size} bytes is over the ${maxBytes}-byte limit`,
      );
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new FileRefusedError('FILE_UNREADABLE', `cannot read it (${code})`, error);
  }
}
