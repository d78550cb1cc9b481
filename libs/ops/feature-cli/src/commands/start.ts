import { parseArgs } from 'node:util';
import { loadConfig, readConfigFile } from '@bulletin/config';
import { startRoles } from '@bulletin/roles';
import { createLogger, installSignalHandlers, watchParent } from '@bulletin/runtime';
import type { CliIo } from '../cli-io.js';

/**
 * `bulletin start [--roles a,b]`: every role in one process, or the roles named (`--roles`
 * wins over `BULLETIN_ROLES`). Only a start of every role on a developer's machine may start
 * a private redis-server. Resolves once running; the process then lives until a signal.
 */
export async function runStart(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { roles: { type: 'string' } } });
  const config = loadConfig(io.env, { readFile: readConfigFile });
  const roles = values.roles === undefined ? config.roles : splitRoles(values.roles);
  const log = createLogger({
    level: config.logLevel,
    bindings: { roles: roles.join(',') || 'all' },
  });
  const running = await startRoles(config, log, { roles, privateRedis: roles.length === 0 });
  installSignalHandlers(running.platform.shutdown);
  // Under `npm start`, a supervisor stops npm; if npm goes, so does bulletin.
  if (io.env['npm_lifecycle_event'] !== undefined) {
    watchParent(() => void running.platform.shutdown.run('parent process exited'));
  }
  const feeds = running.roles.includes('http')
    ? `; feeds at ${config.http.publicUrl}/feeds/all.atom`
    : '';
  io.stderr(
    `bulletin: running ${running.roles.join(', ')} (health at ${running.address}/healthz)${feeds}; Ctrl-C stops`,
  );
  return 0;
}

function splitRoles(value: string): string[] {
  return value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}
