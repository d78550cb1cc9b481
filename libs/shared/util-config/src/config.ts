import type { SourceDefinition } from './sources-file.js';
import { BulletinError } from '@bulletin/errors';
import type { DigestConfig } from './digest-config.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** `REDIS_*`: the one stateful service. */
export interface RedisConfig {
  /** `REDIS_URL`. @defaultValue `redis://127.0.0.1:6379` */
  readonly url: string;
  /**
   * `REDIS_AUTOSTART`: let `bulletin start` (all roles, on a developer's machine) start a
   * private redis-server when none answers at a loopback URL. Role processes never do.
   * @defaultValue `true`
   */
  readonly autostart: boolean;
  /** `REDIS_DATA_DIR`: the private server's data. @defaultValue `{DATA_DIR}/redis` */
  readonly dataDir: string;
  /**
   * `REDIS_CLUSTER_NODES`: comma-separated seed nodes of a Redis Cluster, each `host:port` or a
   * `redis://` / `rediss://` URL (the first entry's user, password and TLS apply to every
   * node). Set, bulletin speaks the cluster protocol and `REDIS_URL` is not used; empty means
   * one Redis at `REDIS_URL`. Held as `redis[s]://[user:password@]host:port` URLs.
   * @defaultValue `[]`
   */
  readonly clusterNodes: readonly string[];
}

/** `HOST`, `PORT`, `PUBLIC_URL`: the one HTTP server of a process. */
export interface HttpConfig {
  /** `HOST`: interface the HTTP server binds. @defaultValue `127.0.0.1` */
  readonly host: string;
  /** `PORT`. @defaultValue `3000` */
  readonly port: number;
  /** `PUBLIC_URL`: absolute base of links in feeds. @defaultValue `http://localhost:{PORT}` */
  readonly publicUrl: string;
  /**
   * `HTTP_CLOSE_GRACE_MS`: on shutdown, how long requests in flight may take before their
   * connections are dropped. @defaultValue `2000`
   */
  readonly closeGraceMs: number;
}

/** What readers see. */
export interface PublishingConfig {
  /** `SITE_TITLE`: shown in feed titles and pages. @defaultValue `bulletin` */
  readonly siteTitle: string;
  /** `FEED_SIZE`: items per feed document. @defaultValue `50` */
  readonly feedSize: number;
  /**
   * `FEED_RATE_LIMIT`: requests per minute one client address may make to the feeds and pages
   * of one HTTP process before it gets 429; `0` turns the limit off. @defaultValue `120`
   */
  readonly rateLimitPerMinute: number;
  /**
   * `WEBSUB_HUBS`: comma-separated URLs of WebSub hubs told whenever a feed changes, and named
   * in every feed as `rel="hub"`. @defaultValue none
   */
  readonly websubHubs: readonly string[];
  /**
   * Copies across sources: the first version of a story whose normalised text equals, or whose
   * 64-bit SimHash is within `maxBits` of, one another source sent within the window is recorded
   * as a copy (`duplicateOf`) and not published. `DUPLICATE_WINDOW_HOURS` (`0` turns it off,
   * default `48`) and `DUPLICATE_MAX_BITS` (`0`: exact copies only, default `12`).
   */
  readonly duplicates: { readonly windowMs: number; readonly maxBits: number } | undefined;
}

/** `*_CONCURRENCY`, `JOB_*`: how each stage's workers run. */
export interface WorkersConfig {
  /** `INGEST_CONCURRENCY`. @defaultValue `8` */
  readonly ingestConcurrency: number;
  /** `ENRICH_CONCURRENCY`. @defaultValue `8` */
  readonly enrichConcurrency: number;
  /** `INDEX_CONCURRENCY` (`PUBLISH_CONCURRENCY` is still read). @defaultValue `8` */
  readonly indexConcurrency: number;
  /** `JOB_ATTEMPTS`: tries of a job that fails with a transient error. @defaultValue `8` */
  readonly jobAttempts: number;
  /**
   * `JOB_MAX_STALLS`: how often a job may be cut off by a dead worker (SIGKILL, OOM) and be
   * started again before it fails. @defaultValue `5`
   */
  readonly maxStalls: number;
  /**
   * `JOB_LOCK_MS`: how long a worker's hold on a job lasts without renewal; the jobs of a worker
   * that died are started again once it has passed. @defaultValue `30000`
   */
  readonly lockMs: number;
}

/** `INGEST_MAX_*`: what one payload may cost. */
export interface IngestConfig {
  /** `INGEST_MAX_BYTES`: the largest raw payload. @defaultValue `5242880` (5 MiB) */
  readonly maxBytes: number;
  /** `INGEST_MAX_ITEMS`: items read from one feed document. @defaultValue `5000` */
  readonly maxItems: number;
  /** `INGEST_MAX_PARSE_MS`: wall time one payload may take to parse. @defaultValue `10000` */
  readonly maxParseMs: number;
}

/** `TAXONOMY_FILE`: how stories are tagged. */
export interface EnrichmentConfig {
  /**
   * `TAXONOMY_FILE`: path of an operator's taxonomy (JSON, the shape of `@bulletin/taxonomy`'s
   * `data/taxonomy.json`), validated at start; `bulletin taxonomy check FILE` validates one
   * without starting anything. @defaultValue none: the built-in taxonomy
   */
  readonly taxonomyFile?: string;
}

/** `BULLETIN_CONFIG`, `INGEST_RETAIN_HOURS`, `POLL_*`, `FOLDER_*`: where stories come from. */
export interface SourcesConfig {
  /** `BULLETIN_CONFIG`: the sources file. @defaultValue `./bulletin.config.yaml` */
  readonly file: string;
  /** The sources the file defines; none when it is missing. */
  readonly definitions: readonly SourceDefinition[];
  /** `INGEST_RETAIN_HOURS`: how long raw payloads are kept for replay. @defaultValue `72` */
  readonly retainHours: number;
  /** `POLL_TIMEOUT_MS`: one fetch of a feed, redirects included. @defaultValue `15000` */
  readonly pollTimeoutMs: number;
  /** `POLL_MAX_REDIRECTS`: redirects one fetch follows. @defaultValue `5` */
  readonly pollMaxRedirects: number;
  /** `POLL_CONCURRENCY`: feeds one poll worker fetches at once. @defaultValue `4` */
  readonly pollConcurrency: number;
  /** `FOLDER_RESCAN_MS`: how often watched folders are rescanned besides fs.watch. @defaultValue `5000` */
  readonly folderRescanMs: number;
}

/** `ADMIN_*`, `NODE_ENV`: the operators' area (`/admin/queues`). */
export interface AdminConfig {
  /**
   * `ADMIN_TOKEN`: a bearer token, or the password of basic auth (any user name). Outside
   * development the admin area is not mounted without one. @defaultValue none
   */
  readonly token: string | undefined;
  /** `ADMIN_READ_ONLY`: the dashboard shows but cannot retry, remove or pause. @defaultValue `false` */
  readonly readOnly: boolean;
}

/** Everything bulletin reads from its environment, parsed once at start-up, grouped by concern. */
export interface Config {
  /** `BULLETIN_PREFIX`: every Redis key and queue lives under it. @defaultValue `bulletin` */
  readonly prefix: string;
  /**
   * From `NODE_ENV`: unset, `development` or `test` is development, where the admin area may
   * open without a token and digest links may be signed by a stand-in secret; anything else
   * is not.
   */
  readonly development: boolean;
  /** `DATA_DIR`: local files bulletin writes (the private Redis, the outbox). @defaultValue `.data` */
  readonly dataDir: string;
  /**
   * `BULLETIN_ROLES`: comma-separated roles this process runs (`bulletin start --roles` wins).
   * Empty means every role. Names are checked against the role table at start.
   */
  readonly roles: readonly string[];
  readonly redis: RedisConfig;
  readonly http: HttpConfig;
  readonly publishing: PublishingConfig;
  readonly workers: WorkersConfig;
  readonly ingest: IngestConfig;
  readonly enrichment: EnrichmentConfig;
  readonly sources: SourcesConfig;
  readonly digest: DigestConfig;
  readonly admin: AdminConfig;
  /** `SHUTDOWN_TIMEOUT_MS`: after this the process exits non-zero. @defaultValue `10000` */
  readonly shutdownTimeoutMs: number;
  /** `LOG_LEVEL`: `debug`, `info`, `warn` or `error`. @defaultValue `info` */
  readonly logLevel: LogLevel;
}

/** A setting has a value bulletin cannot use; the message names the variable. */
export class ConfigError extends BulletinError {
  constructor(message: string) {
    super('CONFIG_INVALID', message, { permanent: true });
  }
}
