import { renderHtmlDocument, toMarkupText as text } from '@bulletin/markup';
import { DEFAULT_LANGUAGE, type RenderContext } from './render-types.js';

/**
 * Renders a small HTML page for an HTTP error, in the context's language. The message is
 * escaped, so it may quote the request.
 * @example reply.code(404).type('text/html; charset=utf-8').send(renderErrorPage(404, 'No such story', ctx));
 */
export function renderErrorPage(status: number, message: string, ctx: RenderContext): string {
  const code = String(status);
  return renderHtmlDocument({
    lang: ctx.language ?? DEFAULT_LANGUAGE,
    title: `${code} ${message} — ${ctx.siteTitle}`,
    bodyHtml: [
      `<header><p class="site">${text(ctx.siteTitle)}</p></header>`,
      '<main>',
      `<h1>${text(code)}</h1>`,
      `<p>${text(message)}</p>`,
      '</main>',
    ].join('\n'),
  });
}
