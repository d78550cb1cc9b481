import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The pid file a private redis-server writes beside its data. */
export function pidFilePath(dataDir: string): string {
  return join(dataDir, 'redis-server.pid');
}

/** The pid in a private server's pid file, if that process is still a running redis-server. */
export function readLivePid(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFilePath(dataDir), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  try {
    // A recycled pid must not be mistaken for our server (Linux; elsewhere trust the pid file).
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return command.includes('redis-server') ? pid : undefined;
  } catch {
    return pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Starts redis-server in its own process group (a Ctrl-C in the terminal reaches bulletin only,
 * which drains its workers against a live Redis and stops the server last) and resolves its pid.
 */
export function spawnServer(args: readonly string[]): Promise<number> {
  return new Promise((ready, fail) => {
    const child = spawn('redis-server', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    });
    child.once('error', fail);
    child.once('spawn', () => {
      child.unref();
      if (child.pid === undefined) fail(new Error('redis-server has no pid'));
      else ready(child.pid);
    });
  });
}

/** SIGTERM (Redis then saves its append-only file and exits), SIGKILL after `graceMs`. */
export async function stopServer(pid: number, dataDir: string, graceMs = 5000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 25));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(pidFilePath(dataDir), { force: true });
}
