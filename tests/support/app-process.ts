/**
 * Starts the real application (`bulletin start`, or one role's app) as a child process in a
 * process group of its own, against a real Redis, under a prefix and port of its own, and runs
 * the real CLI against it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { imageProcess, REPO_ROOT, type AppName } from '@bulletin/roles/testing';

export { REPO_ROOT };

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

export interface RunningApp {
  baseUrl: string;
  env: NodeJS.ProcessEnv;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | string>;
  /** Sends a signal to the whole process group, as a supervisor or `kill -9 -PGID` would. */
  killGroup(signal: NodeJS.Signals): void;
}

/** Polls `/readyz` until it answers 200, or fails with the process's output. */
export async function waitForReady(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bulletin exited ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`bulletin did not become ready:\n${output()}`);
}

export interface SpawnOptions {
  /**
   * One app run as production runs it (docker-compose, the image): its bundle, under the
   * image's heap bounds. Otherwise `args`.
   */
  app?: AppName;
  /** Arguments after `node`: default `apps/cli/bin/bulletin.mjs start`. */
  args?: string[];
  extraEnv?: NodeJS.ProcessEnv;
  /** Wait for `/readyz`. @defaultValue true */
  waitReady?: boolean;
  port?: number;
}

/** Spawns bulletin in its own process group and collects its output. */
export async function spawnApp(
  redisUrl: string,
  prefix: string,
  options: SpawnOptions = {},
): Promise<RunningApp> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const image = options.app === undefined ? undefined : imageProcess(options.app);
  const env = {
    ...process.env,
    ...image?.env,
    REDIS_URL: redisUrl,
    BULLETIN_PREFIX: prefix,
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    REDIS_AUTOSTART: 'false',
    LOG_LEVEL: 'warn',
    ...options.extraEnv,
  };
  const args = image?.args ?? options.args ?? ['apps/cli/bin/bulletin.mjs', 'start'];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log;
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const app: RunningApp = {
    baseUrl,
    env,
    child,
    output,
    exited,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    killGroup(signal) {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, signal);
        } catch {
          // Already gone.
        }
      }
    },
  };
  if (options.waitReady ?? true) await waitForReady(baseUrl, child, output);
  return app;
}

/** `bulletin start` with every role, ready. */
export function startApp(
  redisUrl: string,
  prefix: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<RunningApp> {
  return spawnApp(redisUrl, prefix, { extraEnv });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npx bulletin ARGS…` from the repository root, as a user would. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['--no-install', 'bulletin', ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Polls `check` until it returns a value or the time runs out. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
