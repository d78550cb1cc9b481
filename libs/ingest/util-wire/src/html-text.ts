import { decodeEntities } from './html-entities.js';
import { collapseSpace, stripTags } from './text-normalise.js';

const BLOCK_BOUNDARY =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|table|tr|caption|figure|figcaption|section|article|header|footer|aside)\b[^>]*>/gi;
const PARAGRAPH_BREAK = /\n[ \t]*\n/;
const HAS_BLOCK = /<(?:p|div|br|li|h[1-6]|blockquote|pre|table|figure)\b/i;

/**
 * Plain-text paragraphs of an HTML fragment: block elements and line breaks separate paragraphs,
 * inline markup is dropped, entities decoded, whitespace collapsed, empty paragraphs removed.
 */
export function htmlToParagraphs(html: string): string[] {
  const text = stripTags(html.replace(BLOCK_BOUNDARY, '\n\n'));
  const paragraphs: string[] = [];
  for (const raw of text.split(PARAGRAPH_BREAK)) {
    const paragraph = collapseSpace(decodeEntities(raw));
    if (paragraph !== '') paragraphs.push(paragraph);
  }
  return paragraphs;
}

export { paragraphsToHtml } from '@bulletin/markup';

/** True when the fragment already has block structure of its own. */
export function hasBlockMarkup(html: string): boolean {
  return HAS_BLOCK.test(html);
}

/** Markup-free, entity-decoded, whitespace-collapsed text: for headlines, bylines, captions. */
export function toPlainText(value: string): string {
  return collapseSpace(decodeEntities(stripTags(value)));
}
