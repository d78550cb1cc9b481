import { BulletinError } from '@bulletin/errors';

/** A story failed validation at a boundary. Always permanent. */
export class StoryValidationError extends BulletinError {
  /** One line per problem, each naming the field: `headline: must not be empty`. */
  readonly issues: readonly string[];

  constructor(issues: readonly string[], options: { cause?: unknown } = {}) {
    super('STORY_INVALID', `story is invalid: ${issues.join('; ')}`, {
      ...options,
      permanent: true,
    });
    this.issues = issues;
  }
}
