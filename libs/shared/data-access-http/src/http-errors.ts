import { BulletinError } from '@bulletin/errors';

/** An error with the HTTP status it answers with; the message is shown to the client as is. */
export class HttpError extends BulletinError {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: string,
    message: string,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(code, message, { permanent: true });
    this.status = status;
    this.headers = headers;
  }
}

/** 404: nothing here. */
export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, 'NOT_FOUND', message);
  }
}

/** 410: it was here and is gone for good (a killed story). */
export class GoneError extends HttpError {
  constructor(message: string) {
    super(410, 'GONE', message);
  }
}

/** 400: the request itself is wrong; the message says how, without echoing it. */
export class BadRequestError extends HttpError {
  constructor(message: string) {
    super(400, 'BAD_REQUEST', message);
  }
}

/** Error codes of other scopes that mean the request, not the server, is at fault. */
const CLIENT_CODES: Readonly<Record<string, number>> = {
  STORY_INVALID: 400,
  REDIS_UNAVAILABLE: 503,
};

/** Fastify's own client errors, with texts that never quote the request. */
const FASTIFY_TEXTS: Readonly<Record<number, string>> = {
  400: 'bad request',
  404: 'not found',
  405: 'method not allowed',
  406: 'not acceptable',
  413: 'request body too large',
  414: 'request URI too long',
  415: 'unsupported media type',
  431: 'request headers too large',
};

export interface HttpAnswer {
  status: number;
  message: string;
  headers: Readonly<Record<string, string>>;
}

/** The one error map: any error to the status, headers and short message a client sees. */
export function toHttpError(error: unknown): HttpAnswer {
  if (error instanceof HttpError) {
    return { status: error.status, message: error.message, headers: error.headers };
  }
  if (error instanceof BulletinError) {
    const status = CLIENT_CODES[error.code] ?? (error.code.startsWith('WIRE_') ? 400 : 500);
    if (status === 503) return { status, message: 'service unavailable', headers: {} };
    return status === 500
      ? { status, message: 'internal error', headers: {} }
      : { status, message: `${error.code}: ${error.message}`, headers: {} };
  }
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, message: FASTIFY_TEXTS[status] ?? 'bad request', headers: {} };
  }
  return { status: 500, message: 'internal error', headers: {} };
}
