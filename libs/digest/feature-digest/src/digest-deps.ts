import { join } from 'node:path';
import { ConfigError, type Config } from '@bulletin/config';
import { createOutboxMailer, createSmtpMailer, type Mailer } from '@bulletin/mailer';
import type { DigestTopic } from '@bulletin/newsletter';
import type { Redis } from '@bulletin/redis';
import type { BulletinMetrics } from '@bulletin/metrics';
import type { Logger } from '@bulletin/runtime';
import {
  createFeedIndex,
  createStoryStore,
  storeKeys,
  type FeedIndex,
  type StoryStore,
} from '@bulletin/store';
import {
  createDeliveryLedger,
  createSubscriberStore,
  type DeliveryLedger,
  type SubscriberStore,
} from '@bulletin/subscribers';
import { resolveTaxonomy } from '@bulletin/taxonomy';

/** Everything digests use, opened once per process. */
export interface DigestDeps {
  config: Config;
  secret: string;
  subscribers: SubscriberStore;
  ledger: DeliveryLedger;
  mailer: Mailer;
  stories: Pick<StoryStore, 'getMany'>;
  index: Pick<FeedIndex, 'bySequence' | 'page'>;
  topics: readonly DigestTopic[];
  log: Logger;
  now: () => Date;
  /** How long an edition's lease lasts without renewal. @defaultValue 10000 */
  leaseMs: number;
  /** Where messages sent and failed are counted, in a process that serves `/metrics`. */
  metrics?: Pick<BulletinMetrics, 'digestMessages'>;
  close(): Promise<void>;
}

export interface OpenDigestOptions {
  config: Config;
  redis: Redis;
  log: Logger;
  now?: () => Date;
  /** Replaces the configured mailer (tests, the bench). */
  mailer?: Mailer;
  leaseMs?: number;
  metrics?: Pick<BulletinMetrics, 'digestMessages'>;
}

/**
 * The token secret: `DIGEST_TOKEN_SECRET`, or in development a fixed stand-in (links then
 * survive restarts but prove nothing).
 * @throws ConfigError outside development without one.
 */
export function digestSecret(config: Config, log?: Logger): string {
  if (config.digest.tokenSecret) return config.digest.tokenSecret;
  if (!config.development) {
    throw new ConfigError(
      'DIGEST_TOKEN_SECRET must be set outside development (NODE_ENV=' +
        'production): it signs every confirmation, preferences and unsubscribe link',
    );
  }
  log?.info('DIGEST_TOKEN_SECRET is not set: using the development stand-in');
  return `development-only-digest-secret:${config.prefix}`;
}

/** The configured mailer: SMTP when `SMTP_URL` is set, else the outbox under `DATA_DIR`. */
export function openMailer(config: Config): Mailer {
  const { smtpUrl, smtpPoolSize, smtpRatePerSecond } = config.digest;
  if (smtpUrl)
    return createSmtpMailer({
      url: smtpUrl,
      poolSize: smtpPoolSize,
      ratePerSecond: smtpRatePerSecond,
    });
  return createOutboxMailer(join(config.dataDir, 'outbox'));
}

/** Opens the digest dependencies on one connection. */
export function openDigest(options: OpenDigestOptions): DigestDeps {
  const { config, redis, log } = options;
  const keys = storeKeys(config.prefix);
  const mailer = options.mailer ?? openMailer(config);
  return {
    config,
    secret: digestSecret(config, log),
    subscribers: createSubscriberStore(redis, config.prefix),
    ledger: createDeliveryLedger(redis, config.prefix),
    mailer,
    stories: createStoryStore(redis, keys),
    index: createFeedIndex(redis, keys),
    // The operator's taxonomy (`TAXONOMY_FILE`), as the feeds and the tagger use it.
    topics: resolveTaxonomy(config.enrichment.taxonomyFile).topics.map((topic) => ({
      slug: topic.slug,
      name: topic.name,
    })),
    log,
    now: options.now ?? (() => new Date()),
    leaseMs: options.leaseMs ?? 10_000,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    close: () => mailer.close(),
  };
}
