import { BulletinError } from '@bulletin/errors';

/** A resource that does not exist; the message is shown to the client as is. */
export class NotFoundError extends BulletinError {
  constructor(message: string) {
    super('NOT_FOUND', message, { permanent: true });
  }
}

/** Maps any error to the status and the short message a client sees. */
export function toHttpError(error: unknown): { status: number; message: string } {
  if (error instanceof NotFoundError) return { status: 404, message: error.message };
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, message: (error as Error).message || 'bad request' };
  }
  return { status: 500, message: 'internal error' };
}
