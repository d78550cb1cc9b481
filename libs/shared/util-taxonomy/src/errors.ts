import { BulletinError } from '@bulletin/errors';

/**
 * The taxonomy data is unusable. Always permanent: the same data will fail the same way, so a
 * worker must not retry it.
 */
export class TaxonomyError extends BulletinError {
  /** One line per problem, each naming the topic and field: `topic "housing": phrases[2].weight: …`. */
  readonly issues: readonly string[];

  constructor(issues: readonly string[], options: { cause?: unknown } = {}) {
    super('TAXONOMY_INVALID', `taxonomy is invalid: ${issues.join('; ')}`, {
      ...options,
      permanent: true,
    });
    this.issues = issues;
  }
}
