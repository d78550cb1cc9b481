import { BulletinError } from '@bulletin/errors';

/** Stable codes of {@link RenderError}. */
export type RenderErrorCode =
  | 'RENDER_INVALID_DATE'
  | 'RENDER_INVALID_URL'
  | 'RENDER_INVALID_INPUT'
  | 'RENDER_UNKNOWN_FORMAT'
  | 'RENDER_UNSAFE_OUTPUT';

/**
 * Input that can never render (an unparseable date, a relative URL, an unknown format) or output that failed
 * a safety check. Always permanent: the same input fails the same way.
 */
export class RenderError extends BulletinError {
  declare readonly code: RenderErrorCode;

  constructor(code: RenderErrorCode, message: string) {
    super(code, message, { permanent: true });
  }
}
