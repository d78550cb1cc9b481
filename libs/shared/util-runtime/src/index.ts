/**
 * @module @bulletin/runtime
 * Process lifecycle shared by every app: structured logging and bounded shutdown.
 */
export { createLogger, type Logger, type LoggerOptions } from './logger.js';
export {
  createShutdown,
  installSignalHandlers,
  type Shutdown,
  type ShutdownOptions,
} from './shutdown.js';
export { runMain } from './run-main.js';
