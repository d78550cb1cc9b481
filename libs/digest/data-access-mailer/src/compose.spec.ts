import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMail } from './index.js';

describe('composeMail', () => {
  it('writes multipart/alternative that a mail parser reads back exactly, Unicode included', async () => {
    const text = `Café — “quoted” ${'long line '.repeat(20)}\n.\n--=_not a boundary\nend`;
    const html = `<p>Ünïcødé &amp; <a href="https://x.example/a?b=c&amp;d=e">link</a></p>`;
    const mail = await composeMail({
      messageId: '<m.1@news.example>',
      from: 'Bülletin News <digest@news.example>',
      envelopeFrom: 'digest@news.example',
      to: 'jo@example.org',
      subject: 'Daily, 3 December: Rents — “capped”',
      text,
      html,
      date: new Date('2026-12-03T07:00:00Z'),
      headers: {
        'List-Unsubscribe': `<https://news.example/unsubscribe?token=${'t'.repeat(120)}>`,
      },
    });
    expect(mail.raw.toString()).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    expect(
      mail.raw
        .toString()
        .split('\r\n')
        .every((line) => line.length <= 998),
    ).toBe(true);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe('Daily, 3 December: Rents — “capped”');
    expect(parsed.from?.value).toEqual([{ name: 'Bülletin News', address: 'digest@news.example' }]);
    expect(parsed.text).toBe(text);
    expect(parsed.html).toBe(html);
    expect(parsed.messageId).toBe('<m.1@news.example>');
    expect(parsed.date?.toISOString()).toBe('2026-12-03T07:00:00.000Z');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
  });
});
