import { BulletinError } from '@bulletin/errors';
import type { Logger } from '@bulletin/runtime';
import type { Redis as IORedis } from 'ioredis';
import { isCluster, type Redis } from './target.js';

/** Redis would evict keys under memory pressure: jobs and stories would vanish silently. */
export class RedisEvictionError extends BulletinError {
  constructor(policy: string, node?: string) {
    super(
      'REDIS_EVICTION_POLICY',
      `Redis ${node === undefined ? '' : `(cluster node ${node}) `}maxmemory-policy is "${policy}"; bulletin needs "noeviction" so queued jobs and ` +
        'stories are never evicted. Fix: redis-cli CONFIG SET maxmemory-policy noeviction ' +
        '(and CONFIG REWRITE), or "maxmemory-policy noeviction" in redis.conf',
      { permanent: true },
    );
  }
}

/** `INFO` text as a map of its `key:value` lines. */
function infoFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return fields;
}

/** CONFIG GET where allowed; managed Redis often disables CONFIG, so INFO memory else. */
async function evictionPolicy(redis: IORedis): Promise<string | undefined> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    if (reply[1] !== undefined) return reply[1];
  } catch {
    // CONFIG renamed or refused: fall through to INFO.
  }
  return infoFields(await redis.info('memory')).get('maxmemory_policy');
}

async function checkNode(redis: IORedis, log: Logger, node?: string): Promise<void> {
  const policy = await evictionPolicy(redis);
  if (policy !== undefined && policy !== 'noeviction') throw new RedisEvictionError(policy, node);
  const persistence = infoFields(await redis.info('persistence'));
  const aof = persistence.get('aof_enabled') === '1';
  let rdb = false;
  try {
    const save = (await redis.config('GET', 'save')) as string[];
    rdb = (save[1] ?? '').trim() !== '';
  } catch {
    rdb = persistence.has('rdb_last_save_time');
  }
  if (!aof && !rdb) {
    const warning =
      'Redis has no persistence (no AOF, no RDB snapshots): a restart loses every queued job; ' +
      'enable appendonly yes';
    if (node === undefined) log.warn(warning);
    else log.warn({ node }, `cluster node ${node}: ${warning}`);
  }
}

/**
 * Refuses a Redis that may evict keys, and warns when it keeps nothing across a restart
 * (neither AOF nor RDB snapshots), since then a restart loses every queued job. On a cluster,
 * checks every master: each holds some of the queues and key groups.
 * @throws RedisEvictionError with the fix (and the node) in its message.
 */
export async function checkRedisServer(redis: Redis, log: Logger): Promise<void> {
  if (!isCluster(redis)) return checkNode(redis, log);
  // Waits for the slot map, which names the masters.
  await redis.ping();
  for (const node of redis.nodes('master')) {
    await checkNode(node, log, `${node.options.host ?? ''}:${node.options.port ?? ''}`);
  }
}
