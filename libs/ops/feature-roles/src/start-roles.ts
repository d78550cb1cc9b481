import type { Config } from '@bulletin/config';
import { buildHttpServer, closeHttp, listenHttp, type HttpPlugin } from '@bulletin/http';
import { metricsPlugin } from '@bulletin/metrics-endpoint';
import { openPlatform, type Platform } from '@bulletin/platform';
import { describeRedis } from '@bulletin/redis';
import type { Logger } from '@bulletin/runtime';
import { selectRoles } from './role-table.js';

export interface StartRolesOptions {
  /** Role names; empty for all. */
  roles: readonly string[];
  /** Start or adopt a private redis-server when none answers (developer `bulletin start`). */
  privateRedis?: boolean;
  /** How the process ends once shutdown has run. @defaultValue `process.exit` */
  exit?: (code: number) => void;
}

/** A process running some roles. */
export interface RunningRoles {
  platform: Platform;
  roles: string[];
  /** Where the HTTP server listens, e.g. `http://127.0.0.1:3000`. */
  address: string;
}

async function serve(platform: Platform, plugins: HttpPlugin[]): Promise<string> {
  const { config } = platform;
  const app = await buildHttpServer({
    plugins,
    readiness: () => platform.readiness(),
    log: platform.log,
  });
  platform.shutdown.add('http server', () => closeHttp(app, config.http.closeGraceMs), {
    phase: 'intake',
    timeoutMs: config.http.closeGraceMs + 1000,
  });
  return listenHttp(app, { host: config.http.host, port: config.http.port });
}

/**
 * Starts the named roles in one process on one platform, and its one HTTP server: with the
 * plugins of the roles that contribute routes, and always `/healthz` and `/readyz`, so
 * worker-only processes answer health checks too. A failed start anywhere closes what was
 * opened and rethrows, naming the cause.
 */
export async function startRoles(
  config: Config,
  log: Logger,
  options: StartRolesOptions,
): Promise<RunningRoles> {
  const roles = selectRoles(options.roles);
  const platform = await openPlatform(config, log, {
    privateRedis: options.privateRedis ?? false,
    ...(options.exit ? { exit: options.exit } : {}),
  });
  try {
    // Every process serves its own series, worker-only ones included.
    const metrics = metricsPlugin({
      metrics: platform.metrics,
      queues: platform.intake.all(),
      log: platform.log,
    });
    const plugins: HttpPlugin[] = [metrics];
    for (const role of roles) plugins.push(...((await role.start(platform)).http ?? []));
    // Connected before anything is served, so readiness is true and a failed start below
    // closes workers that are fully up rather than racing their connections.
    await Promise.all(platform.workers.map((worker) => worker.waitUntilReady()));
    const address = await serve(platform, plugins);
    const names = roles.map((role) => role.name);
    log.info(
      { redis: describeRedis(config.redis), prefix: config.prefix, http: address },
      `started ${names.join(', ')}`,
    );
    return { platform, roles: names, address };
  } catch (error) {
    await platform.shutdown.run('start failed', { exit: false });
    throw error;
  }
}
