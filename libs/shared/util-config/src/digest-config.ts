import { ConfigError } from './config.js';

type Env = Readonly<Record<string, string | undefined>>;

/** One configured edition: when its digest goes out. */
export interface EditionConfig {
  /** As subscribers choose it and as the CLI names it: `daily`, `weekly`. */
  readonly name: string;
  /** Five-field cron expression, read in {@link EditionConfig.tz}. */
  readonly cron: string;
  /** IANA time zone, e.g. `Europe/London`: correct across daylight-saving changes. */
  readonly tz: string;
}

/** `SMTP_*`, `MAIL_FROM`, `DIGEST_*`: newsletter digests. */
export interface DigestConfig {
  /** `SMTP_URL` (`smtp:` or `smtps:`); none means `.eml` files in `{DATA_DIR}/outbox`. */
  readonly smtpUrl?: string;
  /** `SMTP_RATE_PER_SECOND`: messages per second over all connections; 0 = no limit. @defaultValue `20` */
  readonly smtpRatePerSecond: number;
  /** `SMTP_POOL_SIZE`: SMTP connections kept open while sending. @defaultValue `5` */
  readonly smtpPoolSize: number;
  /** `MAIL_FROM`: the sender of digests and confirmations. @defaultValue `bulletin <digest@localhost>` */
  readonly mailFrom: string;
  /** `DIGEST_TOKEN_SECRET` (32+ characters): signs links. Required outside development. */
  readonly tokenSecret?: string;
  /** `DIGEST_UNSUBSCRIBE_MAILTO`: address for `List-Unsubscribe` mailto. @defaultValue none */
  readonly unsubscribeMailto?: string;
  /** `DIGEST_CONFIRM_TTL_MS`: how long a confirmation link works. @defaultValue `172800000` (48 h) */
  readonly confirmTtlMs: number;
  /** `DIGEST_CONFIRM_COOLDOWN_MS`: at most one confirmation mail per address this often. @defaultValue `900000` */
  readonly confirmCooldownMs: number;
  /** `DIGEST_UNDELIVERABLE_AFTER`: hard bounces before an address is skipped. @defaultValue `3` */
  readonly undeliverableAfter: number;
  /** `DIGEST_SUBSCRIBE_RATE_LIMIT`: subscribe requests per minute per client. @defaultValue `10` */
  readonly subscribeRatePerMinute: number;
  /** `DIGEST_RETRY_BASE_MS`: first backoff after a 4xx; doubles each try. @defaultValue `1000` */
  readonly retryBaseMs: number;
  /** `DIGEST_EDITIONS`: `name=cron@tz;…`. @defaultValue daily 07:00 and weekly Monday 07:00, Europe/London */
  readonly editions: readonly EditionConfig[];
}

export const DEFAULT_EDITIONS = 'daily=0 7 * * *@Europe/London;weekly=0 7 * * 1@Europe/London';

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function whole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name) ?? String(fallback);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function validZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function editions(env: Env): EditionConfig[] {
  const raw = text(env, 'DIGEST_EDITIONS') ?? DEFAULT_EDITIONS;
  const parsed = raw.split(';').map((entry) => {
    const match = /^\s*([a-z][a-z0-9-]{0,31})\s*=\s*([^@]+?)\s*@\s*(\S+)\s*$/.exec(entry);
    const cron = match?.[2] ?? '';
    if (!match || cron.split(/\s+/).length !== 5 || !/^[\d*/,\s-]+$/.test(cron)) {
      throw new ConfigError(`DIGEST_EDITIONS entries must be name=cron@Zone, got "${entry}"`);
    }
    if (!validZone(match[3] ?? '')) {
      throw new ConfigError(`DIGEST_EDITIONS: unknown time zone "${match[3]}"`);
    }
    return { name: match[1] ?? '', cron, tz: match[3] ?? '' };
  });
  if (new Set(parsed.map((e) => e.name)).size !== parsed.length) {
    throw new ConfigError('DIGEST_EDITIONS names an edition twice');
  }
  return parsed;
}

function secret(env: Env): string | undefined {
  const value = text(env, 'DIGEST_TOKEN_SECRET');
  if (value !== undefined && value.length < 32) {
    throw new ConfigError('DIGEST_TOKEN_SECRET must be at least 32 characters');
  }
  return value;
}

function optionalUrl(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  let ok = false;
  try {
    ok = protocols.includes(new URL(raw).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw new ConfigError(`${name} must be a ${protocols.join(' or ')} URL`);
  return raw;
}

function mailbox(env: Env, name: string): string | undefined {
  const raw = text(env, name);
  if (raw !== undefined && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(raw)) {
    throw new ConfigError(`${name} must be an email address, got "${raw}"`);
  }
  return raw;
}

/** The digest group, from the environment. @throws ConfigError naming the variable */
export function loadDigestConfig(env: Env): DigestConfig {
  const smtpUrl = optionalUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const tokenSecret = secret(env);
  const unsubscribeMailto = mailbox(env, 'DIGEST_UNSUBSCRIBE_MAILTO');
  return {
    ...(smtpUrl ? { smtpUrl } : {}),
    smtpRatePerSecond: whole(env, 'SMTP_RATE_PER_SECOND', 20, 0, 100_000),
    smtpPoolSize: whole(env, 'SMTP_POOL_SIZE', 5, 1, 100),
    mailFrom: text(env, 'MAIL_FROM') ?? 'bulletin <digest@localhost>',
    ...(tokenSecret ? { tokenSecret } : {}),
    ...(unsubscribeMailto ? { unsubscribeMailto } : {}),
    confirmTtlMs: whole(env, 'DIGEST_CONFIRM_TTL_MS', 48 * 3600_000, 60_000, 30 * 86_400_000),
    confirmCooldownMs: whole(env, 'DIGEST_CONFIRM_COOLDOWN_MS', 900_000, 0, 86_400_000),
    undeliverableAfter: whole(env, 'DIGEST_UNDELIVERABLE_AFTER', 3, 1, 100),
    subscribeRatePerMinute: whole(env, 'DIGEST_SUBSCRIBE_RATE_LIMIT', 10, 0, 1_000_000),
    retryBaseMs: whole(env, 'DIGEST_RETRY_BASE_MS', 1000, 1, 600_000),
    editions: editions(env),
  };
}
