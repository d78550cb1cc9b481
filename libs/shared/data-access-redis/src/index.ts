/**
 * @module @bulletin/redis
 * Redis connections, the key scheme under the configured prefix, and a private redis-server
 * when none answers.
 */
export { createKeys, type Keys } from './keys.js';
export {
  createRedisConnection,
  closeRedis,
  type ConnectionOptions,
  type ConnectionRole,
} from './connect.js';
export { pingRedis } from './ping.js';
export {
  ensureRedis,
  RedisUnavailableError,
  type EnsureRedisOptions,
  type RedisHandle,
} from './ensure-redis.js';
export type { Redis } from 'ioredis';
