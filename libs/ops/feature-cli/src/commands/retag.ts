import { parseArgs } from 'node:util';
import { loadConfig } from '@bulletin/config';
import { createPipelineQueues } from '@bulletin/queues';
import {
  closeRedis,
  createRedisConnection,
  describeRedis,
  pingRedis,
  RedisUnavailableError,
} from '@bulletin/redis';
import { createLogger } from '@bulletin/runtime';
import { createFeedIndex, createStoryStore, storeKeys } from '@bulletin/store';
import { resolveTaxonomy, taxonomyVersion } from '@bulletin/taxonomy';
import type { CliIo } from '../cli-io.js';
import { retagStories } from './retag-stories.js';

const USAGE = 'usage: bulletin retag [--since DATE] [--topic SLUG]';
const BAR = 30;

function progressBar(io: CliIo): (done: number, total: number) => void {
  if (io.tty === undefined) return () => undefined;
  const tty = io.tty;
  return (done, total) => {
    const filled = Math.round((done / Math.max(total, 1)) * BAR);
    tty.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${done}/${total} stories`);
  };
}

/**
 * `bulletin retag [--since DATE] [--topic SLUG]`: queues every published story (or those since
 * DATE, or now in topic SLUG) for enrichment again with the current taxonomy (`TAXONOMY_FILE`,
 * else the built-in one), so feeds follow a taxonomy change. The enrich workers must run the
 * same taxonomy. Prints the count and the taxonomy version; a progress bar on a terminal.
 */
export async function runRetag(args: readonly string[], io: CliIo): Promise<number> {
  let values: { since?: string; topic?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { since: { type: 'string' }, topic: { type: 'string' } },
    }));
  } catch {
    io.stderr(USAGE);
    return 2;
  }
  const since = values.since === undefined ? undefined : Date.parse(values.since);
  if (since !== undefined && Number.isNaN(since)) {
    io.stderr(`bulletin retag: --since must be a date, got "${values.since}"`);
    return 2;
  }
  const config = loadConfig(io.env);
  const taxonomy = resolveTaxonomy(config.enrichment.taxonomyFile);
  if (values.topic !== undefined && !taxonomy.topics.some((t) => t.slug === values.topic)) {
    io.stderr(`bulletin retag: no topic "${values.topic}" in the taxonomy`);
    return 2;
  }
  if (!(await pingRedis(config.redis))) {
    throw new RedisUnavailableError(
      `no Redis answers at ${describeRedis(config.redis)}: start bulletin first (npm start)`,
    );
  }
  const log = createLogger({ level: 'warn', bindings: { role: 'cli' } });
  const connection = createRedisConnection(config.redis, {
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
  const keys = storeKeys(config.prefix);
  try {
    const revision = taxonomyVersion(taxonomy);
    const count = await retagStories({
      index: createFeedIndex(connection, keys),
      store: createStoryStore(connection, keys),
      enqueue: (items) => queues.add('enrich', items),
      feed: values.topic === undefined ? 'all' : `topics/${values.topic}`,
      ...(since === undefined ? {} : { since }),
      revision,
      progress: progressBar(io),
    });
    if (io.tty !== undefined && count > 0) io.tty.write('\n');
    io.stdout(
      `queued ${count} stor${count === 1 ? 'y' : 'ies'} for re-tagging with taxonomy ${revision}`,
    );
    return 0;
  } finally {
    await queues.close();
    await closeRedis(connection);
  }
}
