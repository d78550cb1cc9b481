import { describe, expect, it } from 'vitest';
import { renderErrorPage } from './render-error-page.js';
import { buildRenderContext } from './testing.js';

describe('renderErrorPage', () => {
  it('is a small HTML5 page naming the status and the message', () => {
    const page = renderErrorPage(404, 'No such story', buildRenderContext());
    expect(page.startsWith('<!doctype html>\n<html lang="en-GB">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<title>404 No such story — bulletin</title>');
    expect(page).toContain('<h1>404</h1>\n<p>No such story</p>');
  });

  it('uses the context language', () => {
    expect(renderErrorPage(500, 'x', buildRenderContext({ language: 'cy' }))).toContain(
      '<html lang="cy">',
    );
  });

  it('escapes the message and the site title, and strips non-XML characters', () => {
    const page = renderErrorPage(
      400,
      `<script>alert('x')</script> & "q"\u0000`,
      buildRenderContext({ siteTitle: '<b>&' }),
    );
    expect(page).not.toMatch(/<script|<b>/);
    expect(page.includes('\u0000')).toBe(false);
    expect(page).toContain(
      '<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>',
    );
    expect(page).toContain('<p class="site">&lt;b&gt;&amp;</p>');
  });

  it('renders the same bytes every time', () => {
    expect(renderErrorPage(503, 'down', buildRenderContext())).toBe(
      renderErrorPage(503, 'down', buildRenderContext()),
    );
  });
});
