import type { Logger } from './logger.js';

/**
 * When a step runs. Phases run one after another; the steps of a phase run at the same time,
 * so one slow step (an HTTP client holding a request open) never delays another (workers
 * stopping intake):
 * - `intake`: stop taking work and finish what is in flight (workers, HTTP server);
 * - `close`: close what the first phase used (queues, Redis connections);
 * - `last`: what everything else needs until the end (a private redis-server).
 */
export type ShutdownPhase = 'intake' | 'close' | 'last';

export interface ShutdownStepOptions {
  /** @defaultValue `'close'` */
  phase?: ShutdownPhase;
  /** After this long the step counts as failed and the next phase starts anyway. */
  timeoutMs?: number;
}

export interface ShutdownOptions {
  /** After this long the process exits non-zero even if a step still hangs. */
  timeoutMs: number;
  log: Logger;
  /** Called once every step has run: 0 when all succeeded. Injected so tests need no real exit. */
  exit: (code: number) => void;
}

export interface Shutdown {
  /** Registers a step. Within a phase, steps run concurrently. */
  add(name: string, step: () => Promise<void> | void, options?: ShutdownStepOptions): void;
  /**
   * Runs every step once, even if others fail, then exits with 0 when all succeeded (unless
   * `exit: false`: a failed start closes what it opened and lets its caller report why).
   * Later calls return the same promise.
   */
  run(reason: string, options?: { exit?: boolean }): Promise<number>;
  readonly started: boolean;
}

const PHASES: readonly ShutdownPhase[] = ['intake', 'close', 'last'];

interface Step {
  name: string;
  step: () => Promise<void> | void;
  phase: ShutdownPhase;
  timeoutMs?: number;
}

async function runStep({ name, step, timeoutMs }: Step, log: Logger): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'timeout'>((resolve) => {
    if (timeoutMs !== undefined) timer = setTimeout(() => resolve('timeout'), timeoutMs).unref();
  });
  try {
    const outcome = await Promise.race([Promise.resolve().then(step), bound]);
    if (outcome === 'timeout') {
      log.error({ step: name, timeoutMs }, 'shutdown step timed out; going on without it');
      return false;
    }
    log.info({ step: name }, 'shutdown step done');
    return true;
  } catch (error) {
    log.error({ step: name, err: error }, 'shutdown step failed');
    return false;
  } finally {
    clearTimeout(timer);
  }
}

async function runPhases(steps: readonly Step[], log: Logger): Promise<number> {
  let failed = false;
  for (const phase of PHASES) {
    const results = await Promise.all(
      steps.filter((step) => step.phase === phase).map((step) => runStep(step, log)),
    );
    if (results.includes(false)) failed = true;
  }
  return failed ? 1 : 0;
}

/**
 * Explicit, idempotent, bounded shutdown in phases: stop intake and drain, close, stop the
 * services. A deadline timer exits with code 1 when a step hangs, so an orchestrator never
 * waits forever; a job it cuts off is started again by the next start.
 */
export function createShutdown(options: ShutdownOptions): Shutdown {
  const steps: Step[] = [];
  let running: Promise<number> | undefined;
  return {
    add(name, step, stepOptions = {}) {
      steps.push({ ...stepOptions, name, step, phase: stepOptions.phase ?? 'close' });
    },
    get started() {
      return running !== undefined;
    },
    run(reason, runOptions = {}) {
      if (running) return running;
      options.log.info({ reason, timeoutMs: options.timeoutMs }, 'shutting down');
      const deadline = setTimeout(() => {
        options.log.error({ timeoutMs: options.timeoutMs }, 'shutdown deadline passed; exiting');
        options.exit(1);
      }, options.timeoutMs);
      deadline.unref();
      running = runPhases(steps, options.log).then((code) => {
        clearTimeout(deadline);
        options.log.info({ code }, code === 0 ? 'stopped' : 'stopped with errors');
        if (runOptions.exit !== false) options.exit(code);
        return code;
      });
      return running;
    },
  };
}

/**
 * SIGINT, SIGTERM and SIGHUP start the shutdown; a second signal while it runs is logged and
 * otherwise ignored (the deadline still holds).
 */
export function installSignalHandlers(shutdown: Shutdown, proc: NodeJS.Process = process): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    proc.on(signal, () => void shutdown.run(signal));
  }
}
