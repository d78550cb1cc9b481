import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  composeMail,
  createOutboxMailer,
  createSmtpMailer,
  MailSendError,
  type Mailer,
} from './index.js';
import { startSmtpSink, type SmtpSink } from './testing.js';

/** One implementation under the contract: the mailer and what has arrived through it. */
interface Subject {
  mailer: Mailer;
  delivered(): Buffer[];
  close(): Promise<void>;
}

const mail = (n: number) =>
  composeMail({
    messageId: `<contract-${n}@bulletin.test>`,
    from: 'Bulletin <digest@bulletin.test>',
    envelopeFrom: 'digest@bulletin.test',
    to: `reader${n}@example.org`,
    subject: `Digest ${n}`,
    text: `Plain ${n}\n.\nline after a lone dot`,
    html: `<p>Rich ${n}</p>`,
    date: new Date('2026-12-03T07:00:00Z'),
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });

const implementations: [string, () => Promise<Subject>][] = [
  [
    'smtp',
    async () => {
      const sink: SmtpSink = await startSmtpSink();
      const mailer = createSmtpMailer({ url: sink.url, poolSize: 3 });
      return {
        mailer,
        delivered: () => sink.received.map((m) => m.raw),
        close: async () => {
          await mailer.close();
          await sink.close();
        },
      };
    },
  ],
  [
    'outbox',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
      const mailer = createOutboxMailer(dir);
      return {
        mailer,
        delivered: () =>
          readdirSync(dir)
            .filter((f) => f.endsWith('.eml') && !f.startsWith('.'))
            .map((f) => readFileSync(join(dir, f))),
        close: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
];

describe.each(implementations)('the Mailer contract: %s', (_name, make) => {
  let subject: Subject;
  beforeAll(async () => (subject = await make()));
  afterAll(() => subject.close());

  it('delivers a multipart/alternative message once, with its Message-ID and headers', async () => {
    const before = subject.delivered().length;
    let commits = 0;
    await subject.mailer.send(await mail(1), { beforeCommit: async () => void commits++ });
    expect(commits).toBe(1);
    const arrived = subject.delivered().slice(before);
    expect(arrived).toHaveLength(1);
    const parsed = await simpleParser(arrived[0]!);
    expect(parsed.messageId).toBe('<contract-1@bulletin.test>');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(parsed.text).toContain('\n.\nline after a lone dot');
    expect(parsed.html).toContain('<p>Rich 1</p>');
    expect(arrived[0]!.toString()).toMatch(
      /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m,
    );
    expect(await subject.mailer.wasDelivered('<contract-1@bulletin.test>')).not.toBe(false);
  });

  it('delivers nothing when the commit hook fails, and says it may be tried again', async () => {
    const before = subject.delivered().length;
    const failing = subject.mailer.send(await mail(2), {
      beforeCommit: () => Promise.reject(new Error('ledger unavailable')),
    });
    await expect(failing).rejects.toMatchObject({ failure: 'transient' });
    await expect(failing).rejects.toBeInstanceOf(MailSendError);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(subject.delivered().length).toBe(before);
  });

  it('sends many at once, each exactly once', async () => {
    const before = subject.delivered().length;
    const messages = await Promise.all(Array.from({ length: 40 }, (_, i) => mail(100 + i)));
    await Promise.all(messages.map((m) => subject.mailer.send(m)));
    const ids = await Promise.all(
      subject
        .delivered()
        .slice(before)
        .map(async (raw) => (await simpleParser(raw)).messageId),
    );
    expect(new Set(ids).size).toBe(40);
    expect(ids).toHaveLength(40);
  });
});
