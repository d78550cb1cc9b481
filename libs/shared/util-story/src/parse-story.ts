import type { z } from 'zod';
import { StoryValidationError } from './errors.js';
import { storySchema, type Story } from './story.schema.js';

/** `path: message` lines a person can act on. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(story)';
    return `${path}: ${issue.message}`;
  });
}

/**
 * Validates an unknown value as a {@link Story}.
 * @throws StoryValidationError naming every field that is wrong.
 */
export function parseStory(value: unknown): Story {
  const result = storySchema.safeParse(value);
  if (!result.success) throw new StoryValidationError(formatIssues(result.error));
  return result.data;
}
