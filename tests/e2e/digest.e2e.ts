/**
 * Digests through the real app: `bulletin start` with SMTP pointed at a real SMTP server in
 * this test; a wire story through the pipeline; a subscription through `POST /subscribe`,
 * confirmed from the mail that arrived; `bulletin digest run`; the digest read with
 * mailparser; and its one-click List-Unsubscribe URL posted as a mail client would.
 */
import { startSmtpSink, type SmtpSink } from '@bulletin/mailer/testing';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { fixturePath } from '@bulletin/wire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, runCli, startApp, type RunningApp } from '../support/app-process.js';

const available = await redisAvailable();
const prefix = uniquePrefix('digest-e2e');
let app: RunningApp;
let sink: SmtpSink;

beforeAll(async () => {
  if (!available) return;
  sink = await startSmtpSink();
  app = await startApp(TEST_REDIS_URL, prefix, {
    SMTP_URL: sink.url,
    DIGEST_TOKEN_SECRET: 'e2e-digest-secret-0123456789abcdefgh',
    MAIL_FROM: 'Ashcombe News <digest@ashcombe.example>',
    SITE_TITLE: 'Ashcombe News',
  });
});
afterAll(async () => {
  if (!available) return;
  await app.stop();
  await sink.close();
  await deleteKeys(TEST_REDIS_URL, prefix);
});

const subscribe = (body: unknown) =>
  fetch(`${app.baseUrl}/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe.skipIf(!available)('a digest from subscription to one-click unsubscribe', () => {
  it('confirms by mail, sends the story as multipart/alternative, and unsubscribes on POST', async () => {
    const ingest = await runCli(
      ['ingest', fixturePath('text/pse-rotherham-2014-11-18.txt')],
      app.env,
    );
    expect(ingest.code).toBe(0);
    await eventually(async () => {
      const feed = await fetch(`${app.baseUrl}/feeds/topics/child-protection.json`).then((r) =>
        r.json(),
      );
      return (feed as { items: unknown[] }).items.length > 0 ? true : undefined;
    }, 30_000);

    const known = await subscribe({
      email: 'Reader@Example.org',
      topics: ['child-protection'],
      edition: 'daily',
    });
    expect(known.status).toBe(202);
    const confirmation = await eventually(async () => sink.received[0], 10_000);
    expect(confirmation.to).toEqual(['reader@example.org']);
    const again = await subscribe({
      email: 'reader@example.org',
      topics: ['child-protection'],
      edition: 'daily',
    });
    const stranger = await subscribe({
      email: 'nobody@example.org',
      topics: ['housing'],
      edition: 'daily',
    });
    expect([again.status, await again.text()]).toEqual([stranger.status, await stranger.text()]);
    expect((await subscribe({ email: 'nope', topics: ['housing'] })).status).toBe(400);
    await eventually(async () => (sink.received.length === 2 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The cooldown: the repeat for a known address sent nothing; the stranger got one link.
    expect(sink.received.map((m) => m.to[0])).toEqual(['reader@example.org', 'nobody@example.org']);

    const text = (await sink.parse(confirmation)).text ?? '';
    const confirmUrl = /Confirm: (\S+)/.exec(text)?.[1] ?? '';
    expect(confirmUrl.startsWith(`${app.baseUrl}/confirm?token=`)).toBe(true);
    expect((await fetch(confirmUrl)).status).toBe(200);
    expect((await fetch(confirmUrl)).status).toBe(400);

    const run = await runCli(['digest', 'run', 'daily', '--now', '2026-12-03T07:00:00Z'], app.env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ sent: 1, failed: [], inDoubt: [] });
    const digest = sink.received.at(-1)!;
    expect(digest.to).toEqual(['reader@example.org']);
    const parsed = await sink.parse(digest);
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(parsed.subject).toMatch(/^Ashcombe News Daily, 3 December 2026: .*Rotherham/i);
    expect(parsed.text).toMatch(/Rotherham/);
    expect(parsed.html).toMatch(/<table role="presentation"/);
    expect(parsed.html).toContain(`${app.baseUrl}/stories/`);
    expect(run.stderr).not.toContain('reader@example.org');
    expect(app.output()).not.toContain('reader@example.org');

    const raw = digest.raw.toString();
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    const unsubscribe = /^List-Unsubscribe:\s+<([^>]+)>/m.exec(raw)?.[1] ?? '';
    expect((await fetch(unsubscribe)).status).toBe(200);
    expect((await runCli(['subscribers', 'list'], app.env)).stdout).toContain('reader@example.org');
    const oneClick = await fetch(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect((await runCli(['subscribers', 'list'], app.env)).stdout).toBe('');
  });
});
