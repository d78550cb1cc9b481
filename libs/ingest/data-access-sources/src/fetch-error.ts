import { BulletinError } from '@bulletin/errors';

/** Stable codes of a failed fetch; `bulletin sources` shows them as the last error. */
export type FetchErrorCode =
  | 'FETCH_TIMEOUT'
  | 'FETCH_TOO_LARGE'
  | 'FETCH_SCHEME_REFUSED'
  | 'FETCH_TOO_MANY_REDIRECTS'
  | 'FETCH_REDIRECT_LOOP'
  | 'FETCH_BAD_REDIRECT'
  | 'FETCH_HTTP_STATUS'
  | 'FETCH_NETWORK';

/**
 * A fetch of a source that did not give a body. Permanent when asking again cannot help
 * (a refused scheme, a redirect loop, 404/410); the source's backoff applies either way.
 */
export class FetchError extends BulletinError {
  declare readonly code: FetchErrorCode;
  /** The HTTP status, when the server answered with one. */
  readonly status: number | undefined;

  constructor(
    code: FetchErrorCode,
    message: string,
    options: { cause?: unknown; permanent?: boolean; status?: number } = {},
  ) {
    super(code, message, options);
    this.status = options.status;
  }
}
