import { describe, expect, it } from 'vitest';
import { htmlToParagraphs, paragraphsToHtml } from './html-text.js';
import { trimSummary } from './summarise.js';

describe('trimSummary', () => {
  it('keeps short text whole', () => {
    expect(trimSummary('Short.')).toBe('Short.');
  });

  it('cuts at the last sentence end that fits', () => {
    const text = `${'a'.repeat(150)}. ${'b'.repeat(100)}. ${'c'.repeat(100)}.`;
    expect(trimSummary(text)).toBe(`${'a'.repeat(150)}. ${'b'.repeat(100)}.`);
  });

  it('cuts at a word boundary with an ellipsis when no sentence ends in reach', () => {
    const text = 'word '.repeat(100).trim();
    const summary = trimSummary(text);
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(summary.endsWith('word…')).toBe(true);
  });
});

describe('htmlToParagraphs', () => {
  it('splits on block elements and line breaks, dropping inline markup', () => {
    expect(
      htmlToParagraphs('<p>One <b>two</b></p><p>Three<br>Four</p><ul><li>Five</li></ul>Six'),
    ).toEqual(['One two', 'Three', 'Four', 'Five', 'Six']);
  });

  it('decodes entities and collapses whitespace', () => {
    expect(htmlToParagraphs('<p>Fish &amp; chips\n  &pound;5&nbsp;each</p>')).toEqual([
      'Fish & chips £5 each',
    ]);
  });

  it('round-trips through paragraphsToHtml with escaping', () => {
    expect(paragraphsToHtml(['a < b', 'c & d'])).toBe('<p>a &lt; b</p>\n<p>c &amp; d</p>');
  });
});
