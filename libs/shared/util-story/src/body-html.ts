import { textToHtml } from '@bulletin/markup';
import type { Story } from './story.schema.js';

/** A story's HTML body: its own, or its text's paragraphs when it carries none. */
export function storyBodyHtml(story: Pick<Story, 'bodyHtml' | 'bodyText'>): string {
  return story.bodyHtml ?? textToHtml(story.bodyText);
}
