import { BulletinError } from '@bulletin/errors';

/** Stable codes a {@link WireParseError} carries; operators search the failed set by these. */
export type WireErrorCode =
  | 'WIRE_EMPTY'
  | 'WIRE_BINARY'
  | 'WIRE_UNRECOGNISED'
  | 'WIRE_NO_HEADLINE'
  | 'WIRE_NO_BODY'
  | 'WIRE_XML_INVALID'
  | 'WIRE_NO_ITEMS'
  | 'WIRE_INPUT_INVALID'
  | 'WIRE_TOO_LARGE'
  | 'WIRE_TOO_MANY_ITEMS'
  | 'WIRE_XML_ENTITIES'
  | 'WIRE_JSON_INVALID'
  | 'WIRE_NINJS_INVALID'
  | 'WIRE_NITF_INVALID'
  | 'WIRE_TOO_DEEP'
  | 'WIRE_UNREADABLE';

/**
 * A wire payload that can never be parsed as it stands. Always permanent: retrying the same
 * bytes gives the same answer, so workers skip backoff.
 */
export class WireParseError extends BulletinError {
  declare readonly code: WireErrorCode;

  constructor(code: WireErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, { ...options, permanent: true });
  }
}
