import { loadConfig } from '@bulletin/config';
import { buildHttpServer } from '@bulletin/http';
import { createSmtpMailer } from '@bulletin/mailer';
import { startSmtpSink, type SinkAnswer, type SmtpSink } from '@bulletin/mailer/testing';
import { addressKey } from '@bulletin/newsletter';
import { createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createMetrics } from '@bulletin/metrics';
import { createLogger } from '@bulletin/runtime';
import type { Story } from '@bulletin/story';
import { makeStory } from '@bulletin/story/testing';
import { createStoryStore, storeKeys } from '@bulletin/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestPlugin, openDigest, runEdition, type DigestDeps } from './index.js';

const available = await redisAvailable();
const log = createLogger({ level: 'silent' });
const SECRET = 'digest-spec-secret-0123456789abcdef';
const prefixes: string[] = [];
let redis: Redis;

beforeAll(() => {
  if (available)
    redis = createRedisConnection(TEST_REDIS_URL, { role: 'client', name: 'digest-spec', log });
});
afterAll(async () => {
  if (!available) return;
  for (const prefix of prefixes) await deleteKeys(TEST_REDIS_URL, prefix);
  redis.disconnect();
});

const subject = (slug: string, name: string) => ({
  slug,
  name,
  codes: [],
  confidence: 1,
  matched: [],
});
const HOUSING = subject('housing', 'Housing');
const HEALTH = subject('health', 'Health');

function story(key: string, subjects: Story['subjects'], hour: number, extra: Partial<Story> = {}) {
  const at = `2026-12-02T${String(hour).padStart(2, '0')}:00:00.000Z`;
  return makeStory(key, { subjects, firstcreated: at, versioncreated: at, ...extra });
}

async function setUp(answer?: (index: number) => SinkAnswer) {
  const prefix = uniquePrefix('digest');
  prefixes.push(prefix);
  const sink = await startSmtpSink(answer ? { reply: (_m, i) => answer(i) } : {});
  const config = loadConfig({
    BULLETIN_PREFIX: prefix,
    PUBLIC_URL: 'https://news.example',
    SMTP_URL: sink.url,
    DIGEST_TOKEN_SECRET: SECRET,
    DIGEST_RETRY_BASE_MS: '20',
    DIGEST_UNDELIVERABLE_AFTER: '2',
    SMTP_POOL_SIZE: '3',
  });
  const deps = openDigest({
    config,
    redis,
    log,
    mailer: createSmtpMailer({ url: sink.url, poolSize: 3 }),
    leaseMs: 2000,
  });
  const publish = (s: Story) =>
    createStoryStore(redis, storeKeys(prefix)).publish(s, { now: Date.now() });
  const subscribe = async (email: string, topics: string[], edition = 'daily') => {
    const key = addressKey(SECRET, email);
    await deps.subscribers.put({
      key,
      email,
      edition,
      topics,
      sid: `sid-${key.slice(0, 6)}`,
      since: '',
    });
    return key;
  };
  return { sink, deps, publish, subscribe, prefix };
}

async function closeAll(deps: DigestDeps, sink: SmtpSink) {
  await deps.close();
  await sink.close();
}

const at = new Date('2026-12-03T07:00:00Z');

describe.skipIf(!available)('an edition run against a real SMTP server', () => {
  it('sends each subscriber their topics as multipart/alternative with one-click unsubscribe', async () => {
    const { sink, deps, publish, subscribe } = await setUp();
    const a = story('a', [HOUSING], 6);
    const b = story('b', [HEALTH, HOUSING], 8);
    const killed = story('k', [HOUSING], 9);
    for (const s of [a, b, killed]) await publish(s);
    await publish({ ...killed, pubstatus: 'canceled', version: 2, contentHash: 'gone' });
    const jo = await subscribe('jo@example.org', ['housing']);
    await subscribe('sam@example.org', ['education']);

    const report = await runEdition(deps, { edition: 'daily', at });
    expect(report).toMatchObject({
      sent: 1,
      skipped: { 'nothing new': 1 },
      failed: [],
      inDoubt: [],
      stories: 2,
    });
    expect(sink.received).toHaveLength(1);
    const mail = await sink.parse(sink.received[0]!);
    expect(sink.received[0]!.to).toEqual(['jo@example.org']);
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(mail.subject).toBe(`bulletin Daily, 3 December 2026: ${b.headline}`);
    expect(mail.text).toContain(a.headline);
    expect(mail.text).not.toContain(killed.headline);
    expect(mail.html).toContain(`https://news.example/stories/${b.id}`);
    expect(mail.messageId).toBe(`<daily-${at.getTime()}.${jo}@news.example>`);
    const raw = sink.received[0]!.raw.toString();
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    const url = /^List-Unsubscribe:\s+<(https:\/\/news\.example\/unsubscribe\?token=[^>]+)>/m.exec(
      raw,
    )?.[1];
    expect(url).toBeDefined();

    // The one-click POST, as a mail client sends it, against the real routes.
    const app = await buildHttpServer({
      plugins: [digestPlugin(deps)],
      readiness: async () => ({ ready: true, checks: {} }),
      log,
    });
    const path = url!.replace('https://news.example', '');
    const scanned = await app.inject({ method: 'GET', url: path });
    expect(scanned.statusCode).toBe(200);
    expect(await deps.subscribers.get(jo)).toBeDefined();
    const forged = await app.inject({
      method: 'POST',
      url: `${path.slice(0, -3)}AAA`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.statusCode).toBe(400);
    expect(await deps.subscribers.get(jo)).toBeDefined();
    const clicked = await app.inject({
      method: 'POST',
      url: path,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(clicked.statusCode).toBe(200);
    expect(await deps.subscribers.get(jo)).toBeUndefined();
    await app.close();

    const again = await runEdition(deps, {
      edition: 'daily',
      at: new Date(at.getTime() + 86_400_000),
    });
    expect(again).toMatchObject({ sent: 0, stories: 0 });
    expect(sink.received).toHaveLength(1);
    await closeAll(deps, sink);
  });

  it('never sends a story twice to one subscriber, even when it comes back updated', async () => {
    const { sink, deps, publish, subscribe } = await setUp();
    const a = story('a', [HOUSING], 6);
    await publish(a);
    await subscribe('jo@example.org', ['housing']);
    await runEdition(deps, { edition: 'daily', at });
    await publish({
      ...a,
      version: 2,
      headline: `${a.headline} (updated)`,
      contentHash: 'v2',
      versioncreated: '2026-12-03T08:00:00.000Z',
    });
    const c = story('c', [HOUSING], 10);
    await publish(c);
    await runEdition(deps, { edition: 'daily', at: new Date(at.getTime() + 86_400_000) });
    expect(sink.received).toHaveLength(2);
    const second = await sink.parse(sink.received[1]!);
    expect(second.text).toContain(c.headline);
    expect(second.text).not.toContain(a.headline);
    await closeAll(deps, sink);
  });

  it('retries a 451 with backoff: one message arrives', async () => {
    const { sink, deps, publish, subscribe } = await setUp((i) =>
      i === 0 ? { code: 451, message: 'greylisted' } : { accept: true },
    );
    await publish(story('a', [HOUSING], 6));
    await subscribe('jo@example.org', ['housing']);
    const report = await runEdition(deps, { edition: 'daily', at });
    expect(report.sent).toBe(1);
    expect(sink.attempts).toBe(2);
    expect(sink.received).toHaveLength(1);
    await closeAll(deps, sink);
  });

  it('goes on when the server drops the line mid-run: everyone gets exactly one', async () => {
    const { sink, deps, publish, subscribe } = await setUp();
    await publish(story('a', [HOUSING], 6));
    const emails = Array.from({ length: 30 }, (_, i) => `reader${i}@example.org`);
    for (const email of emails) await subscribe(email, ['housing']);
    let drops = 0;
    // Drop the connection of the 5th and 15th RCPT, before any data: a server going away.
    const dropper = await startSmtpSink({
      rcpt: (_a, i) => (i === 5 || i === 15 ? (drops++, { drop: true }) : { accept: true }),
    });
    const mailer = createSmtpMailer({ url: dropper.url, poolSize: 3 });
    const report = await runEdition({ ...deps, mailer }, { edition: 'daily', at });
    expect(drops).toBe(2);
    expect(report).toMatchObject({ sent: 30, failed: [], inDoubt: [] });
    const counts = dropper.countByRecipient();
    expect(emails.every((email) => counts.get(email) === 1)).toBe(true);
    await mailer.close();
    await dropper.close();
    await closeAll(deps, sink);
  });

  it('counts each message sent and failed for /metrics', async () => {
    const { sink, deps, publish, subscribe } = await setUp((i) =>
      i === 0 ? { code: 550, message: 'no such mailbox' } : { accept: true },
    );
    await publish(story('a', [HOUSING], 6));
    for (const email of ['one@example.org', 'two@example.org', 'three@example.org'])
      await subscribe(email, ['housing']);
    const metrics = createMetrics({ processMetrics: false });
    const report = await runEdition({ ...deps, metrics }, { edition: 'daily', at });
    expect([report.sent, report.failed.length]).toEqual([2, 1]);
    const text = await metrics.registry.metrics();
    expect(text).toContain('bulletin_digest_messages_total{status="sent"} 2');
    expect(text).toContain('bulletin_digest_messages_total{status="failed"} 1');
    // A second run resumes nothing and sends nothing new: the counts stay.
    await runEdition({ ...deps, metrics }, { edition: 'daily', at: new Date(at.getTime() + 1) });
    expect(await metrics.registry.metrics()).toContain(
      'bulletin_digest_messages_total{status="sent"} 2',
    );
    await closeAll(deps, sink);
  });

  it('counts 5xx toward undeliverable and then skips the address', async () => {
    const { sink, deps, publish, subscribe } = await setUp(() => ({
      code: 550,
      message: 'no such mailbox',
    }));
    await publish(story('a', [HOUSING], 6));
    const key = await subscribe('gone@example.org', ['housing']);
    const first = await runEdition(deps, { edition: 'daily', at });
    expect(first.failed).toEqual([
      { key, reason: expect.stringMatching(/^550: .*no such mailbox/) },
    ]);
    await publish(story('b', [HOUSING], 7));
    await runEdition(deps, { edition: 'daily', at: new Date(at.getTime() + 1) });
    expect((await deps.subscribers.get(key))?.undeliverable).toBe(true);
    await publish(story('c', [HOUSING], 8));
    const third = await runEdition(deps, { edition: 'daily', at: new Date(at.getTime() + 2) });
    expect(third.skipped).toEqual({ undeliverable: 1 });
    expect(sink.attempts).toBe(2);
    await closeAll(deps, sink);
  });
});
