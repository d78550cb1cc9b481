import { isCluster, openRedis, type RedisTarget } from './target.js';

/**
 * True when Redis answers PING at `target` within `timeoutMs`; for a cluster, when its slots
 * are known and a node answers. Never retries.
 */
export async function pingRedis(target: RedisTarget, timeoutMs = 1000): Promise<boolean> {
  const redis = openRedis(
    target,
    {
      lazyConnect: true,
      connectTimeout: timeoutMs,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    },
    { lazyConnect: true, clusterRetryStrategy: () => null, slotsRefreshTimeout: timeoutMs },
  );
  redis.on('error', () => undefined);
  const timer = new Promise<false>((done) => setTimeout(() => done(false), timeoutMs).unref());
  try {
    const answer = (async () => {
      await redis.connect();
      // A cluster's offline queue lets commands wait for its slots; ready means they are known.
      return (await redis.ping()) === 'PONG' && (!isCluster(redis) || redis.status === 'ready');
    })();
    answer.catch(() => undefined);
    return await Promise.race([answer, timer]);
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
