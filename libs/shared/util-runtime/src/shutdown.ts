import type { Logger } from './logger.js';

export interface ShutdownOptions {
  /** After this long the process exits non-zero even if a step still hangs. */
  timeoutMs: number;
  log: Logger;
  /** Called once every step has run: 0 when all succeeded. Injected so tests need no real exit. */
  exit: (code: number) => void;
}

export interface Shutdown {
  /** Registers a step. Steps run in reverse order of registration, like nested `finally`s. */
  add(name: string, step: () => Promise<void> | void): void;
  /** Runs every step once, even if earlier ones fail; later calls return the same promise. */
  run(reason: string): Promise<number>;
  readonly started: boolean;
}

async function runSteps(
  steps: readonly { name: string; step: () => Promise<void> | void }[],
  log: Logger,
): Promise<number> {
  let failures = 0;
  for (const { name, step } of [...steps].reverse()) {
    try {
      await step();
      log.debug({ step: name }, 'shutdown step done');
    } catch (error) {
      failures += 1;
      log.error({ step: name, err: error }, 'shutdown step failed');
    }
  }
  return failures === 0 ? 0 : 1;
}

/**
 * Explicit, idempotent, bounded shutdown: stop accepting, drain, close, quit. A deadline timer
 * exits with code 1 when a step hangs, so an orchestrator never waits forever.
 */
export function createShutdown(options: ShutdownOptions): Shutdown {
  const steps: { name: string; step: () => Promise<void> | void }[] = [];
  let running: Promise<number> | undefined;
  return {
    add(name, step) {
      steps.push({ name, step });
    },
    get started() {
      return running !== undefined;
    },
    run(reason) {
      if (running) return running;
      options.log.info({ reason }, 'shutting down');
      const deadline = setTimeout(() => {
        options.log.error({ timeoutMs: options.timeoutMs }, 'shutdown deadline passed; exiting');
        options.exit(1);
      }, options.timeoutMs);
      deadline.unref();
      running = runSteps(steps, options.log).then((code) => {
        clearTimeout(deadline);
        options.exit(code);
        return code;
      });
      return running;
    },
  };
}

/** SIGINT/SIGTERM start the shutdown; a second signal while it runs is ignored. */
export function installSignalHandlers(shutdown: Shutdown, proc: NodeJS.Process = process): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    proc.on(signal, () => void shutdown.run(signal));
  }
}
