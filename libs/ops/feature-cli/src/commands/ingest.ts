import { parseArgs } from 'node:util';
import { loadConfig } from '@bulletin/config';
import { createPipelineQueues } from '@bulletin/queues';
import {
  closeRedis,
  createRedisConnection,
  pingRedis,
  RedisUnavailableError,
} from '@bulletin/redis';
import { createLogger } from '@bulletin/runtime';
import type { CliIo } from '../cli-io.js';
import { ingestFiles } from './ingest-files.js';

function parseSource(value: string | undefined): { id: string; name: string } {
  if (!value) return { id: 'files', name: 'Local files' };
  const [id = '', ...rest] = value.split(':');
  return { id, name: rest.join(':') || id };
}

/** `bulletin ingest [--source ID[:NAME]] FILE…`. */
export async function runIngest(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { source: { type: 'string' } },
  });
  if (positionals.length === 0) {
    io.stderr('bulletin ingest: name at least one FILE');
    return 2;
  }
  const config = loadConfig(io.env);
  const log = createLogger({ level: 'warn', bindings: { role: 'cli' } });
  if (!(await pingRedis(config.redis.url))) {
    throw new RedisUnavailableError(
      `no Redis answers at ${config.redis.url}: start bulletin first (npm start)`,
    );
  }
  const connection = createRedisConnection(config.redis.url, {
    role: 'producer',
    name: `${config.prefix}:cli`,
    log,
  });
  const queues = createPipelineQueues({
    connection,
    prefix: config.prefix,
    log,
    attempts: config.workers.jobAttempts,
  });
  try {
    return await ingestFiles(positionals, {
      enqueue: (data) => queues.add('ingest', [data]),
      source: parseSource(values.source),
      maxBytes: config.ingest.maxBytes,
      now: () => io.now().toISOString(),
      print: io.stdout,
    });
  } finally {
    await queues.close();
    await closeRedis(connection);
  }
}
