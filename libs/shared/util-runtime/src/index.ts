/**
 * @module @bulletin/runtime
 * Process lifecycle shared by every app: structured logging, bounded phased shutdown, signals.
 */
export { createLogger, type Logger, type LoggerOptions } from './logger.js';
export {
  createShutdown,
  installSignalHandlers,
  type Shutdown,
  type ShutdownOptions,
  type ShutdownPhase,
  type ShutdownStepOptions,
} from './shutdown.js';
export { runMain, type RunMainOptions } from './run-main.js';
export { watchParent } from './watch-parent.js';
