import { BulletinError } from '@bulletin/errors';

export interface RunMainOptions {
  /** @defaultValue `process.stderr` */
  stderr?: NodeJS.WritableStream;
  /**
   * Ends the process after a failure, so nothing left open (a socket, a timer) keeps a failed
   * start alive. @defaultValue `process.exit`
   */
  exit?: (code: number) => void;
}

/**
 * Runs an app's main function. A known failure (bad configuration, no Redis, a port in use)
 * prints one line an operator can act on, `bulletin: CODE: message`, instead of a stack trace;
 * anything else prints the stack. Either way the process exits 1. Resolves when main has
 * settled, so callers and tests can wait for it.
 */
export async function runMain(
  main: () => Promise<unknown>,
  options: RunMainOptions = {},
): Promise<void> {
  const stderr = options.stderr ?? process.stderr;
  try {
    await main();
  } catch (error) {
    stderr.write(
      error instanceof BulletinError
        ? `bulletin: ${error.code}: ${error.message}\n`
        : `bulletin: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    (options.exit ?? ((code) => process.exit(code)))(1);
  }
}
