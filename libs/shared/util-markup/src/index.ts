/**
 * @module @bulletin/markup
 * Markup safety shared by every scope that writes HTML or XML (feeds, pages, emails): escaping,
 * removal of characters XML forbids, and the HTML page shell with its content security policy.
 */
export { escapeMarkup, stripInvalidChars, toMarkupText, isHttpUrl } from './text-safety.js';
export { paragraphsToHtml, textToHtml } from './paragraphs.js';
export {
  renderHtmlDocument,
  PAGE_CONTENT_SECURITY_POLICY,
  FORM_PAGE_CONTENT_SECURITY_POLICY,
  type HtmlDocumentOptions,
} from './html-document.js';
