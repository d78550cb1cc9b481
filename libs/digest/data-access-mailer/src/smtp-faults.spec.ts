import { afterEach, describe, expect, it } from 'vitest';
import { composeMail, createSmtpMailer, type Mailer } from './index.js';
import { startSmtpSink, type SinkAnswer, type SmtpSink } from './testing.js';

const open: { sink?: SmtpSink; mailer?: Mailer } = {};
afterEach(async () => {
  await open.mailer?.close();
  await open.sink?.close();
});

async function setUp(options: Parameters<typeof startSmtpSink>[0]) {
  open.sink = await startSmtpSink(options);
  open.mailer = createSmtpMailer({ url: open.sink.url, poolSize: 2 });
  return { sink: open.sink, mailer: open.mailer };
}

const message = () =>
  composeMail({
    messageId: '<faults@bulletin.test>',
    from: 'digest@bulletin.test',
    envelopeFrom: 'digest@bulletin.test',
    to: 'reader@example.org',
    subject: 'Digest',
    text: 'text',
    html: '<p>html</p>',
    date: new Date(0),
  });

describe('SMTP failures, classified from what a real server said', () => {
  it('a 451 after the data is transient; the next try is accepted, one message in all', async () => {
    const answers: SinkAnswer[] = [{ code: 451, message: 'try later' }, { accept: true }];
    const { sink, mailer } = await setUp({ reply: (_m, i) => answers[i] ?? { accept: true } });
    await expect(mailer.send(await message())).rejects.toMatchObject({
      failure: 'transient',
      responseCode: 451,
    });
    await mailer.send(await message());
    expect(sink.received).toHaveLength(1);
  });

  it('a 550 is permanent', async () => {
    const { mailer } = await setUp({ reply: () => ({ code: 550, message: 'no such user' }) });
    await expect(mailer.send(await message())).rejects.toMatchObject({
      failure: 'permanent',
      responseCode: 550,
    });
  });

  it('keeps no address a server echoes in its refusal', async () => {
    const { mailer } = await setUp({
      rcpt: () => ({
        code: 550,
        message: '5.1.1 <reader@example.org>: Recipient address rejected',
      }),
    });
    const error = (await mailer.send(await message()).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ failure: 'permanent', responseCode: 550 });
    expect(error.message).toContain('<<address>>: Recipient address rejected');
    expect(error.message).not.toContain('reader@example.org');
  });

  it('a refusal at RCPT never reaches the commit', async () => {
    const { mailer } = await setUp({ rcpt: () => ({ code: 452, message: 'mailbox busy' }) });
    let committed = false;
    await expect(
      mailer.send(await message(), { beforeCommit: async () => void (committed = true) }),
    ).rejects.toMatchObject({ failure: 'transient' });
    expect(committed).toBe(false);
  });

  it('a line dropped before the commit is transient; after it, in doubt', async () => {
    const early = await setUp({ rcpt: (_a, i) => (i === 0 ? { drop: true } : { accept: true }) });
    await expect(early.mailer.send(await message())).rejects.toMatchObject({
      failure: 'transient',
    });
    await early.mailer.send(await message());
    expect(early.sink.received).toHaveLength(1);
    await early.mailer.close();
    await early.sink.close();
    const late = await setUp({ reply: (_m, i) => (i === 0 ? { drop: true } : { accept: true }) });
    await expect(late.mailer.send(await message())).rejects.toMatchObject({ failure: 'in-doubt' });
  });
});
