import { loadConfig, readConfigFile } from '@bulletin/config';
import { createLogger, installSignalHandlers } from '@bulletin/runtime';
import { startRoles, type RunningRoles } from './start-roles.js';

/**
 * The whole main of a per-role app (`apps/ingest`, …, as docker-compose runs them): configuration
 * from the environment and the sources file, the named roles, signal handlers. Never starts a private Redis.
 */
export async function runRoleProcess(
  roles: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<RunningRoles> {
  const config = loadConfig(env, { readFile: readConfigFile });
  const log = createLogger({ level: config.logLevel, bindings: { roles: roles.join(',') } });
  const running = await startRoles(config, log, { roles });
  installSignalHandlers(running.platform.shutdown);
  return running;
}
