/**
 * Typed errors shared by every role. Each carries a stable `code` an operator can search for,
 * whether retrying could help (`permanent`), and the underlying `cause`.
 */
export interface BulletinErrorOptions {
  /** The error that led to this one. */
  cause?: unknown;
  /**
   * True when retrying the same input can never succeed (unparseable payload, invalid story).
   * Workers turn permanent errors into BullMQ `UnrecoverableError`s so they skip backoff.
   * @defaultValue false
   */
  permanent?: boolean;
}

/** Base of every error bulletin throws on purpose. The message is what an operator reads. */
export class BulletinError extends Error {
  readonly code: string;
  readonly permanent: boolean;

  constructor(code: string, message: string, options: BulletinErrorOptions = {}) {
    if (message.trim() === '') throw new TypeError(`BulletinError ${code} needs a message`);
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.permanent = options.permanent ?? false;
  }
}

/** True for errors that retrying cannot fix. */
export function isPermanentError(error: unknown): boolean {
  return error instanceof BulletinError && error.permanent;
}

/** `CODE: message` for any thrown value, never empty. */
export function describeError(error: unknown): string {
  if (error instanceof BulletinError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message || error.name;
  return String(error) || 'unknown error';
}
