/**
 * @module @bulletin/story
 * The canonical story model, its validation, identities and its validation error.
 */
export {
  storySchema,
  subjectSchema,
  evidenceSchema,
  imageSchema,
  PUBSTATUSES,
  EVIDENCE_FIELDS,
} from './story.schema.js';
export type {
  Story,
  Subject,
  StoryImage,
  StoryEntity,
  Pubstatus,
  Evidence,
  EvidenceField,
} from './story.schema.js';
export { parseStory, formatIssues } from './parse-story.js';
export { storyBodyHtml } from './body-html.js';
export { storyUri, storyId, digest } from './identity.js';
export { StoryValidationError } from './errors.js';
