/**
 * @module @bulletin/redis
 * Redis connections, the key groups every scope builds its keys from, and a private
 * redis-server for a developer's machine.
 */
export { keyGroup, queuePrefix, type KeyGroup } from './keys.js';
export {
  createRedisConnection,
  closeRedis,
  type ConnectionOptions,
  type ConnectionRole,
} from './connect.js';
export { pingRedis } from './ping.js';
export { checkRedisServer, RedisEvictionError } from './check-server.js';
export {
  ensureRedis,
  RedisUnavailableError,
  type EnsureRedisOptions,
  type RedisHandle,
} from './ensure-redis.js';
export { describeRedis, isCluster, type Redis, type RedisTarget } from './target.js';
