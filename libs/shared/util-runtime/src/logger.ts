import { pino } from 'pino';

/** The logging surface libraries may rely on; pino's logger satisfies it. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  /** @defaultValue `info` */
  level?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Bound to every line, e.g. `{ role: 'ingest' }`. */
  bindings?: Record<string, unknown>;
}

/**
 * JSON lines on stderr, so stdout stays free for command output (the CLI prints story ids there).
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const logger = pino({ level: options.level ?? 'info', base: null }, pino.destination(2));
  return options.bindings ? logger.child(options.bindings) : logger;
}
