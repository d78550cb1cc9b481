import { describe, expect, it } from 'vitest';
import { sanitiseHtml } from './index.js';

describe('sanitiseHtml', () => {
  it('keeps basic text and structure tags', () => {
    const html =
      '<h2>Title</h2><p>A <strong>b</strong> <em>c</em></p><ul><li>one</li></ul><blockquote>q</blockquote>';
    expect(sanitiseHtml(html)).toBe(html);
  });

  it.each([
    ['<p>a<script>alert(1)</script>b</p>', '<p>ab</p>'],
    ['<style>p{}</style><p>a</p>', '<p>a</p>'],
    ['<iframe src="https://x.example/">frame text</iframe><p>a</p>', '<p>a</p>'],
    ['<object data="x.swf">object text</object><embed src="y">', ''],
    ['<svg onload="alert(1)"><text>t</text></svg>', ''],
    ['<noscript><img src="https://x.example/p.gif"></noscript>', ''],
    ['<p onclick="x()" style="color:red" class="c" id="i">a</p>', '<p>a</p>'],
    [
      '<img src="https://x.example/a.png" onerror="alert(1)" alt="A" width="10">',
      '<img src="https://x.example/a.png" alt="A" />',
    ],
    ['<img src="data:image/png;base64,AAAA" alt="x">', ''],
    ['<img src="javascript:alert(1)">', ''],
    ['<img src="/relative.png">', ''],
    ['<a href="javascript:alert(1)">x</a>', 'x'],
    ['<a href=" JaVaScRiPt:alert(1)">x</a>', 'x'],
    ['<a href="java&#x09;script:alert(1)">x</a>', 'x'],
    ['<a href="data:text/html,hi">x</a>', 'x'],
    ['<a href="//evil.example/">x</a>', 'x'],
    ['<a href="/relative">x</a>', 'x'],
    ['<form action="https://x.example/"><input name="q">text</form>', 'text'],
  ])('makes %s safe', (dirty, clean) => {
    expect(sanitiseHtml(dirty)).toBe(clean);
  });

  it('keeps http, https and mailto links, marked nofollow noopener', () => {
    expect(
      sanitiseHtml(
        '<a href="https://a.example/x" target="_blank" rel="opener" onmouseover="x">a</a>',
      ),
    ).toBe('<a href="https://a.example/x" rel="nofollow noopener">a</a>');
    expect(sanitiseHtml('<a href="http://a.example/">a</a>')).toContain('href="http://a.example/"');
    expect(sanitiseHtml('<a href="mailto:press@council.example.gov.uk">a</a>')).toContain(
      'href="mailto:',
    );
  });

  it('keeps paragraph boundaries of layout elements and escapes stray text', () => {
    expect(sanitiseHtml('<section>a</section><article>b</article>')).toBe(
      '<div>a</div><div>b</div>',
    );
    expect(sanitiseHtml('Fish & chips < £5')).toBe('Fish &amp; chips &lt; £5');
  });
});
