/**
 * @module @bulletin/story
 * The canonical story model, its validation, identities and the typed errors every role shares.
 */
export { storySchema, subjectSchema, imageSchema } from './story.schema.js';
export type { Story, Subject, StoryImage, StoryEntity } from './story.schema.js';
export { parseStory, formatIssues } from './parse-story.js';
export { storyUri, storyId, digest } from './identity.js';
export {
  BulletinError,
  StoryValidationError,
  isPermanentError,
  describeError,
  type BulletinErrorOptions,
} from './errors.js';
