import { BulletinError } from '@bulletin/story';

/** Everything bulletin reads from its environment, parsed once at start-up. */
export interface Config {
  /** `REDIS_URL`. @defaultValue `redis://127.0.0.1:6379` */
  readonly redisUrl: string;
  /** `BULLETIN_PREFIX`: every Redis key and queue lives under it. @defaultValue `bulletin` */
  readonly prefix: string;
  /** `HOST`: interface the HTTP server binds. @defaultValue `127.0.0.1` */
  readonly host: string;
  /** `PORT`. @defaultValue `3000` */
  readonly port: number;
  /** `PUBLIC_URL`: absolute base of links in feeds. @defaultValue `http://localhost:{PORT}` */
  readonly publicUrl: string;
  /** `SITE_TITLE`: shown in feed titles and pages. @defaultValue `bulletin` */
  readonly siteTitle: string;
  /** `FEED_SIZE`: items per feed document. @defaultValue `50` */
  readonly feedSize: number;
  /** `INGEST_CONCURRENCY`. @defaultValue `8` */
  readonly ingestConcurrency: number;
  /** `ENRICH_CONCURRENCY`. @defaultValue `8` */
  readonly enrichConcurrency: number;
  /** `PUBLISH_CONCURRENCY`. @defaultValue `8` */
  readonly publishConcurrency: number;
  /** `SHUTDOWN_TIMEOUT_MS`: after this the process exits non-zero. @defaultValue `10000` */
  readonly shutdownTimeoutMs: number;
  /** `REDIS_AUTOSTART`: start a private redis-server when none answers. @defaultValue `true` */
  readonly redisAutostart: boolean;
  /** `REDIS_DATA_DIR`: where a private redis-server keeps its data. @defaultValue `.data/redis` */
  readonly redisDataDir: string;
  /** `LOG_LEVEL`: `debug`, `info`, `warn` or `error`. @defaultValue `info` */
  readonly logLevel: LogLevel;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A setting has a value bulletin cannot use; the message names the variable. */
export class ConfigError extends BulletinError {
  constructor(message: string) {
    super('CONFIG_INVALID', message, { permanent: true });
  }
}
