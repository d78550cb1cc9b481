/**
 * @module @bulletin/config
 * Typed, frozen configuration parsed once from the environment.
 */
export { loadConfig, type LoadConfigOptions } from './load-config.js';
export { readConfigFile } from './read-config-file.js';
export {
  parseSourcesFile,
  type SourceDefinition,
  type FeedSourceDefinition,
  type PushSourceDefinition,
  type FolderSourceDefinition,
} from './sources-file.js';
export {
  ConfigError,
  type Config,
  type LogLevel,
  type RedisConfig,
  type HttpConfig,
  type PublishingConfig,
  type WorkersConfig,
  type IngestConfig,
  type EnrichmentConfig,
  type SourcesConfig,
  type AdminConfig,
} from './config.js';
export {
  loadDigestConfig,
  DEFAULT_EDITIONS,
  type DigestConfig,
  type EditionConfig,
} from './digest-config.js';
