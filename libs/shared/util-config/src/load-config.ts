import { ConfigError, type Config, type LogLevel } from './config.js';

type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? fallback : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name, String(fallback));
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name, String(fallback)).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, fallback: string, protocols: readonly string[]): string {
  const raw = text(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * Parses and validates the environment once. Libraries never read `process.env`: apps call this
 * and pass the frozen result down.
 * @throws ConfigError naming the variable and the value it could not use.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: Env): Config {
  const prefix = text(env, 'BULLETIN_PREFIX', 'bulletin');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) {
    throw new ConfigError(`BULLETIN_PREFIX may hold only letters, digits, _ . - (got "${prefix}")`);
  }
  const logLevel = text(env, 'LOG_LEVEL', 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  return Object.freeze({
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    prefix,
    host: text(env, 'HOST', '127.0.0.1'),
    port,
    publicUrl: url(env, 'PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']),
    siteTitle: text(env, 'SITE_TITLE', 'bulletin'),
    feedSize: integer(env, 'FEED_SIZE', 50, 1, 1000),
    ingestConcurrency: integer(env, 'INGEST_CONCURRENCY', 8, 1, 1000),
    enrichConcurrency: integer(env, 'ENRICH_CONCURRENCY', 8, 1, 1000),
    publishConcurrency: integer(env, 'PUBLISH_CONCURRENCY', 8, 1, 1000),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    redisAutostart: flag(env, 'REDIS_AUTOSTART', true),
    redisDataDir: text(env, 'REDIS_DATA_DIR', '.data/redis'),
    logLevel,
  });
}
