import { readFileSync } from 'node:fs';
import type { Redis } from '@bulletin/redis';

const PUBLISH_VERSION = readFileSync(
  new URL('./scripts/publish-version.lua', import.meta.url),
  'utf8',
);

/** The store's Lua scripts, registered on a connection (EVALSHA with EVAL fallback). */
export interface StoreCommands {
  publishVersion(
    storyKey: string,
    sequenceKey: string,
    generationsKey: string,
    fingerprintsKey: string,
    ...args: (string | number)[]
  ): Promise<(string | number)[]>;
}

const registered = new WeakSet<Redis>();

/** Defines the scripts on `redis` once and returns it typed with them. */
export function withStoreCommands(redis: Redis): Redis & StoreCommands {
  if (!registered.has(redis)) {
    redis.defineCommand('publishVersion', { numberOfKeys: 4, lua: PUBLISH_VERSION });
    registered.add(redis);
  }
  return redis as Redis & StoreCommands;
}
