/**
 * @module @bulletin/config
 * Typed, frozen configuration parsed once from the environment.
 */
export { loadConfig } from './load-config.js';
export { ConfigError, type Config, type LogLevel } from './config.js';
