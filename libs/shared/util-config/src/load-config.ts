import { join } from 'node:path/posix';
import { ConfigError, type Config, type LogLevel, type SourcesConfig } from './config.js';
import { parseSourcesFile } from './sources-file.js';
import { loadDigestConfig } from './digest-config.js';

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

function list(env: Env, name: string): string[] {
  const raw = text(env, name, '');
  if (raw === '') return [];
  const items = raw.split(',').map((item) => item.trim());
  const bad = items.find((item) => !/^[a-z][a-z0-9-]{0,31}$/.test(item));
  if (bad !== undefined) {
    throw new ConfigError(`${name} must be a comma-separated list of names, got "${raw}"`);
  }
  return [...new Set(items)];
}

function urlList(env: Env, name: string): string[] {
  const raw = text(env, name, '');
  if (raw === '') return [];
  return raw.split(',').map((item, index) => {
    const label = `${name}[${index}]`;
    return url({ [label]: item.trim() }, label, '', ['http:', 'https:']);
  });
}

/** `host:port` or a Redis URL with a host and a port, as `redis[s]://…host:port`. */
function clusterNode(name: string, raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `redis://${raw}`;
  let parsed: URL | undefined;
  try {
    parsed = new URL(withScheme);
  } catch {
    parsed = undefined;
  }
  const fine =
    parsed !== undefined &&
    ['redis:', 'rediss:'].includes(parsed.protocol) &&
    parsed.hostname !== '' &&
    /^\d+$/.test(parsed.port) &&
    ['', '/'].includes(parsed.pathname) &&
    parsed.search === '';
  if (!fine || parsed === undefined) {
    throw new ConfigError(
      `${name} must be host:port or redis[s]://[user:password@]host:port, got "${raw}"`,
    );
  }
  return `${parsed.protocol}//${parsed.username || parsed.password ? `${parsed.username}:${parsed.password}@` : ''}${parsed.host}`;
}

function clusterNodes(env: Env): string[] {
  const name = 'REDIS_CLUSTER_NODES';
  const raw = text(env, name, '');
  if (raw === '') return [];
  return [
    ...new Set(raw.split(',').map((item, index) => clusterNode(`${name}[${index}]`, item.trim()))),
  ];
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

function logLevel(env: Env): LogLevel {
  const level = text(env, 'LOG_LEVEL', 'info') as LogLevel;
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  }
  return level;
}

function prefix(env: Env): string {
  const value = text(env, 'BULLETIN_PREFIX', 'bulletin');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) {
    throw new ConfigError(`BULLETIN_PREFIX may hold only letters, digits, _ . - (got "${value}")`);
  }
  return value;
}

function enrichment(env: Env): Config['enrichment'] {
  const taxonomyFile = text(env, 'TAXONOMY_FILE', '');
  return taxonomyFile === '' ? {} : { taxonomyFile };
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child as object);
  }
  return Object.freeze(value);
}

/** The cross-source copy policy; undefined when `DUPLICATE_WINDOW_HOURS` is 0. */
function duplicates(env: Env): { windowMs: number; maxBits: number } | undefined {
  const hours = integer(env, 'DUPLICATE_WINDOW_HOURS', 48, 0, 24 * 365);
  const maxBits = integer(env, 'DUPLICATE_MAX_BITS', 12, 0, 32);
  return hours === 0 ? undefined : { windowMs: hours * 3_600_000, maxBits };
}

/** How {@link loadConfig} reads the sources file. */
export interface LoadConfigOptions {
  /** The file's text, or `undefined` when it does not exist. Without it, there are no sources. */
  readFile?: (path: string) => string | undefined;
}

function sources(env: Env, options: LoadConfigOptions): SourcesConfig {
  const file = text(env, 'BULLETIN_CONFIG', './bulletin.config.yaml');
  const content = options.readFile?.(file);
  return {
    file,
    definitions: content === undefined ? [] : parseSourcesFile(content, file, env),
    retainHours: integer(env, 'INGEST_RETAIN_HOURS', 72, 1, 24 * 365),
    pollTimeoutMs: integer(env, 'POLL_TIMEOUT_MS', 15_000, 100, 600_000),
    pollMaxRedirects: integer(env, 'POLL_MAX_REDIRECTS', 5, 0, 20),
    pollConcurrency: integer(env, 'POLL_CONCURRENCY', 4, 1, 100),
    folderRescanMs: integer(env, 'FOLDER_RESCAN_MS', 5000, 100, 3_600_000),
  };
}

/**
 * Parses and validates the environment once. Libraries never read `process.env`: apps call this
 * and pass the frozen result down, each part to the code that needs it.
 * With `options.readFile`, also reads the sources file (`BULLETIN_CONFIG`).
 * @throws ConfigError naming the variable and the value it could not use, or the sources
 * file, source and field.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: Env, options: LoadConfigOptions = {}): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const dataDir = text(env, 'DATA_DIR', '.data');
  const concurrency = (name: string) => integer(env, name, 8, 1, 1000);
  // The index stage was the publish stage; its old variable still works.
  const indexName =
    env['INDEX_CONCURRENCY'] === undefined && env['PUBLISH_CONCURRENCY'] !== undefined
      ? 'PUBLISH_CONCURRENCY'
      : 'INDEX_CONCURRENCY';
  return deepFreeze({
    prefix: prefix(env),
    development: ['', 'development', 'test'].includes(text(env, 'NODE_ENV', '')),
    dataDir,
    roles: list(env, 'BULLETIN_ROLES'),
    redis: {
      url: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
      autostart: flag(env, 'REDIS_AUTOSTART', true),
      dataDir: text(env, 'REDIS_DATA_DIR', join(dataDir, 'redis')),
      clusterNodes: clusterNodes(env),
    },
    http: {
      host: text(env, 'HOST', '127.0.0.1'),
      port,
      publicUrl: url(env, 'PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']),
      closeGraceMs: integer(env, 'HTTP_CLOSE_GRACE_MS', 2000, 0, 600_000),
    },
    publishing: {
      siteTitle: text(env, 'SITE_TITLE', 'bulletin'),
      feedSize: integer(env, 'FEED_SIZE', 50, 1, 1000),
      rateLimitPerMinute: integer(env, 'FEED_RATE_LIMIT', 120, 0, 1_000_000),
      websubHubs: urlList(env, 'WEBSUB_HUBS'),
      duplicates: duplicates(env),
    },
    workers: {
      ingestConcurrency: concurrency('INGEST_CONCURRENCY'),
      enrichConcurrency: concurrency('ENRICH_CONCURRENCY'),
      indexConcurrency: concurrency(indexName),
      jobAttempts: integer(env, 'JOB_ATTEMPTS', 8, 1, 100),
      maxStalls: integer(env, 'JOB_MAX_STALLS', 5, 1, 100),
      lockMs: integer(env, 'JOB_LOCK_MS', 30_000, 1000, 600_000),
    },
    ingest: {
      maxBytes: integer(env, 'INGEST_MAX_BYTES', 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
      maxItems: integer(env, 'INGEST_MAX_ITEMS', 5000, 1, 1_000_000),
      maxParseMs: integer(env, 'INGEST_MAX_PARSE_MS', 10_000, 100, 600_000),
    },
    enrichment: enrichment(env),
    sources: sources(env, options),
    digest: loadDigestConfig(env),
    admin: {
      token: env['ADMIN_TOKEN']?.trim() || undefined,
      readOnly: flag(env, 'ADMIN_READ_ONLY', false),
    },
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    logLevel: logLevel(env),
  });
}
