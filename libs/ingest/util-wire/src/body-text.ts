import { hasBlockMarkup, htmlToParagraphs, paragraphsToHtml, toPlainText } from './html-text.js';
import { sanitiseHtml } from './sanitise-html.js';
import { collapseSpace } from './text-normalise.js';

/** A story body as both sanitised HTML and plain paragraphs. */
export interface Body {
  html: string;
  paragraphs: string[];
}

const BLANK_LINE = /\n[ \t]*\n/;
const LINE = /\r?\n/;

/** Sanitised body from an HTML fragment; undefined when it holds no text. */
export function bodyFromHtml(raw: string | undefined): Body | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const html = sanitiseHtml(raw);
  const paragraphs = htmlToParagraphs(html);
  if (paragraphs.length === 0) return undefined;
  return { html: hasBlockMarkup(html) ? html : paragraphsToHtml(paragraphs), paragraphs };
}

/** Body from plain text: paragraphs at blank lines, or at line breaks when there are none. */
export function bodyFromText(raw: string | undefined): Body | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const text = raw.replace(/\r\n?/g, '\n');
  const parts = text.split(BLANK_LINE).length > 1 ? text.split(BLANK_LINE) : text.split(LINE);
  const paragraphs = parts.map((part) => collapseSpace(part)).filter((part) => part !== '');
  return paragraphs.length === 0 ? undefined : { html: paragraphsToHtml(paragraphs), paragraphs };
}

/** Markup-free one-line text of a field that may hold HTML; undefined when empty. */
export function cleanText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = toPlainText(raw.includes('<') ? sanitiseHtml(raw) : raw);
  return text === '' ? undefined : text;
}
