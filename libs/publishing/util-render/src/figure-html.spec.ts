import { describe, expect, it } from 'vitest';
import { renderFigureHtml } from './figure-html.js';

describe('renderFigureHtml', () => {
  it('shows the caption and the credit under the image', () => {
    expect(
      renderFigureHtml({
        href: 'https://img.example/a.jpg',
        caption: 'The new hub',
        credit: 'c. Lynne Cameron/PA Wire',
      }),
    ).toBe(
      '<figure><img src="https://img.example/a.jpg" alt="The new hub"><figcaption>The new hub · ' +
        '<span class="credit">Credit: c. Lynne Cameron/PA Wire</span></figcaption></figure>',
    );
  });

  it('shows a credit without a caption, and no figcaption when there is neither', () => {
    expect(renderFigureHtml({ href: 'https://i.example/a.jpg', credit: 'PA' })).toContain(
      '<figcaption><span class="credit">Credit: PA</span></figcaption>',
    );
    expect(renderFigureHtml({ href: 'https://i.example/a.jpg', caption: ' ' })).toBe(
      '<figure><img src="https://i.example/a.jpg" alt=" "></figure>',
    );
  });

  it('escapes every value and drops characters XML forbids', () => {
    const html = renderFigureHtml({
      href: 'https://i.example/"><script>',
      caption: '<b>"c"</b>\u0000',
      credit: `a & b's`,
    });
    expect(html).not.toMatch(/<script|<b>/);
    expect(html.includes('\u0000')).toBe(false);
    expect(html).toContain('src="https://i.example/&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('alt="&lt;b&gt;&quot;c&quot;&lt;/b&gt;"');
    expect(html).toContain('Credit: a &amp; b&#39;s');
  });

  it('keeps only the words of an image without an http(s) address, never the address', () => {
    expect(renderFigureHtml({ caption: 'x', credit: 'y' })).toBe(
      '<p class="picture-credit">Picture: x · <span class="credit">Credit: y</span></p>',
    );
    expect(renderFigureHtml({ href: 'javascript:alert(1)', caption: 'x' })).toBe(
      '<p class="picture-credit">Picture: x</p>',
    );
    expect(renderFigureHtml({ href: 'javascript:alert(1)' })).toBe('');
  });
});
