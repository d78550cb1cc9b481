import { BulletinError } from '@bulletin/errors';

/**
 * Runs an app's main function. A known failure (bad configuration, no Redis) prints one line an
 * operator can act on, `bulletin: CODE: message`, instead of a stack trace; anything else
 * prints the stack. Either way the process exits non-zero.
 */
export function runMain(
  main: () => Promise<unknown>,
  stderr: NodeJS.WritableStream = process.stderr,
): void {
  main().catch((error: unknown) => {
    stderr.write(
      error instanceof BulletinError
        ? `bulletin: ${error.code}: ${error.message}\n`
        : `bulletin: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
