/**
 * One edition to 10,000 subscribers into a local SMTP sink (smtp-server), messages per second,
 * against nodemailer's own pool sending pre-rendered messages of the same size to the same sink
 * in the same run. The ratio is `digestSendRatio`: everything a run adds per subscriber (ledger
 * writes, selection, rendering, MIME) over bare sending.
 */
import { loadConfig } from '@bulletin/config';
import {
  buildDigestMessage,
  newestSequence,
  openDigest,
  runEdition,
  storiesBetween,
} from '@bulletin/digest';
import { startSmtpSink } from '@bulletin/mailer/testing';
import { addressKey } from '@bulletin/newsletter';
import { createRedisConnection } from '@bulletin/redis';
import { deleteKeys, uniquePrefix } from '@bulletin/redis/testing';
import type { Logger } from '@bulletin/runtime';
import { makeStory } from '@bulletin/story/testing';
import { createStoryStore, storeKeys } from '@bulletin/store';
import { createTransport } from 'nodemailer';

export interface DigestFigures {
  subscribers: number;
  messageBytes: number;
  digestPerSecond: number;
  nodemailerPerSecond: number;
  digestSendRatio: number;
}

const SECRET = 'bench-digest-secret-0123456789abcdefgh';
const TOPICS = ['housing', 'health', 'education'] as const;

async function seed(redisUrl: string, prefix: string, subscribers: number, log: Logger) {
  const redis = createRedisConnection(redisUrl, { role: 'client', name: 'bench-digest', log });
  const store = createStoryStore(redis, storeKeys(prefix));
  for (let i = 0; i < 12; i += 1) {
    const slug = TOPICS[i % TOPICS.length] ?? 'housing';
    const at = new Date(Date.UTC(2026, 11, 2, i)).toISOString();
    const subjects = [{ slug, name: slug, codes: [], confidence: 1, matched: [] }];
    await store.publish(
      makeStory(`bench-${i}`, { subjects, firstcreated: at, versioncreated: at }),
      { now: Date.now() },
    );
  }
  const config = loadConfig({
    BULLETIN_PREFIX: prefix,
    REDIS_URL: redisUrl,
    DIGEST_TOKEN_SECRET: SECRET,
  });
  const deps = openDigest({ config, redis, log });
  for (let i = 0; i < subscribers; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, subscribers - i) }, (_, j) => {
        const email = `reader${i + j}@bench.example`;
        const key = addressKey(SECRET, email);
        const topics = [TOPICS[(i + j) % 3] ?? 'housing', TOPICS[(i + j + 1) % 3] ?? 'health'];
        return deps.subscribers.put({
          key,
          email,
          edition: 'daily',
          topics,
          sid: key.slice(0, 12),
          since: '',
        });
      }),
    );
  }
  await deps.close();
  return redis;
}

async function baseline(
  url: string,
  raw: Buffer,
  count: number,
  poolSize: number,
): Promise<number> {
  const { port } = new URL(url);
  const transport = createTransport({
    pool: true,
    host: '127.0.0.1',
    port: Number(port),
    maxConnections: poolSize,
    maxMessages: 100,
  });
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const n = next++;
      await transport.sendMail({
        envelope: { from: 'digest@localhost', to: [`reader${n}@bench.example`] },
        raw,
      });
    }
  };
  await Promise.all(Array.from({ length: poolSize * 2 }, lane));
  const rate = count / ((performance.now() - started) / 1000);
  transport.close();
  return rate;
}

/** A digest as the run renders it, for the baseline to send as is. */
async function sampleMessage(
  config: ReturnType<typeof loadConfig>,
  redis: ReturnType<typeof createRedisConnection>,
  log: Logger,
) {
  const deps = openDigest({ config, redis, log });
  const edition = config.digest.editions[0];
  const key = (await deps.subscribers.members('daily'))[0] ?? '';
  const subscriber = await deps.subscribers.get(key);
  const stories = await storiesBetween(deps, 0, await newestSequence(deps));
  if (!edition || !subscriber) throw new Error('bench: no subscriber to render for');
  const message = await buildDigestMessage(
    deps,
    edition,
    subscriber,
    stories,
    new Set(),
    new Date(),
    '<sample@bench>',
  );
  await deps.close();
  if (!message) throw new Error('bench: nothing to render');
  return message.mail.raw;
}

/** Runs the section; `say` prints progress. */
export async function benchDigest(
  redisUrl: string,
  subscribers: number,
  log: Logger,
  say: (line: string) => void,
): Promise<DigestFigures> {
  const prefix = uniquePrefix('bench-digest');
  const sink = await startSmtpSink();
  const redis = await seed(redisUrl, prefix, subscribers, log);
  try {
    const config = loadConfig({
      BULLETIN_PREFIX: prefix,
      REDIS_URL: redisUrl,
      DIGEST_TOKEN_SECRET: SECRET,
      SMTP_URL: sink.url,
      SMTP_RATE_PER_SECOND: '0',
      SMTP_POOL_SIZE: '5',
    });
    // The baseline sends a digest's bytes before and after the run, half the count each time,
    // so drift on a shared machine falls on both sides alike.
    const sample = await sampleMessage(config, redis, log);
    const half = Math.ceil(subscribers / 2);
    const before = await baseline(sink.url, sample, half, 5);
    sink.received.length = 0;
    const deps = openDigest({ config, redis, log });
    const started = performance.now();
    const report = await runEdition(deps, {
      edition: 'daily',
      at: new Date('2026-12-03T07:00:00Z'),
    });
    const digestPerSecond = report.sent / ((performance.now() - started) / 1000);
    await deps.close();
    const messageBytes = Math.round(
      sink.received.reduce((sum, m) => sum + m.raw.length, 0) / Math.max(1, sink.received.length),
    );
    // The sink keeps what it received; the baseline starts from an empty one, as the run did.
    sink.received.length = 0;
    say(
      `digest: ${report.sent} sent at ${Math.round(digestPerSecond)} msgs/s, ${messageBytes} bytes each`,
    );
    const after = await baseline(sink.url, sample, half, 5);
    const nodemailerPerSecond = (before + after) / 2;
    say(
      `digest: nodemailer pool, pre-rendered, ${Math.round(before)} then ${Math.round(after)} msgs/s`,
    );
    return {
      subscribers,
      messageBytes,
      digestPerSecond: Math.round(digestPerSecond),
      nodemailerPerSecond: Math.round(nodemailerPerSecond),
      digestSendRatio: Number((digestPerSecond / nodemailerPerSecond).toFixed(2)),
    };
  } finally {
    await sink.close();
    redis.disconnect();
    await deleteKeys(redisUrl, prefix);
  }
}
