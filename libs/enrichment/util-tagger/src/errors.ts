import { BulletinError } from '@bulletin/errors';

/** {@link TaggerOptions} out of range. Permanent: it is a configuration mistake. */
export class TaggerOptionsError extends BulletinError {
  constructor(message: string) {
    super('TAGGER_OPTIONS_INVALID', message, { permanent: true });
  }
}
