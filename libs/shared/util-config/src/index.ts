/**
 * @module @bulletin/config
 * Typed, frozen configuration parsed once from the environment.
 */
export { loadConfig } from './load-config.js';
export {
  ConfigError,
  type Config,
  type LogLevel,
  type RedisConfig,
  type HttpConfig,
  type PublishingConfig,
  type WorkersConfig,
  type IngestConfig,
  type AdminConfig,
} from './config.js';
