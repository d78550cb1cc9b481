import { escapeMarkup } from './text-safety.js';

/** One `<p>` per paragraph, text escaped. */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((paragraph) => `<p>${escapeMarkup(paragraph)}</p>`).join('\n');
}

/**
 * The HTML of a plain-text body whose paragraphs are separated by a blank line: how a story
 * whose HTML would only repeat its text is shown, without carrying that HTML.
 * @example textToHtml('One.\n\nTwo & three.') // '<p>One.</p>\n<p>Two &amp; three.</p>'
 */
export function textToHtml(text: string): string {
  return paragraphsToHtml(text.split('\n\n'));
}
