import { pino } from 'pino';
import pretty from 'pino-pretty';

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
  /**
   * Colourised lines for a person instead of JSON for a collector.
   * @defaultValue whether stderr is a terminal
   */
  pretty?: boolean;
}

/**
 * JSON lines on stderr, so stdout stays free for command output (the CLI prints story ids there);
 * readable, coloured lines instead when stderr is a terminal.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const readable = options.pretty ?? process.stderr.isTTY === true;
  const destination = readable
    ? pretty({
        destination: 2,
        sync: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname',
      })
    : pino.destination(2);
  const logger = pino({ level: options.level ?? 'info', base: null }, destination);
  return options.bindings ? logger.child(options.bindings) : logger;
}
