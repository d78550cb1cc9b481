import { readFileSync } from 'node:fs';
import type { Redis } from '@bulletin/redis';

function lua(name: string): string {
  return readFileSync(new URL(`./scripts/${name}.lua`, import.meta.url), 'utf8');
}

/** The store's Lua scripts, registered on a connection (EVALSHA with EVAL fallback). */
export interface StoreCommands {
  saveIncoming(
    storyKey: string,
    versionsKey: string,
    id: string,
    version: number,
    hash: string,
    firstcreated: string,
    json: string,
  ): Promise<[string, number, string]>;
  saveSubjects(
    storyKey: string,
    versionsKey: string,
    id: string,
    version: number,
    subjectsJson: string,
  ): Promise<number>;
  indexStory(
    allKey: string,
    topicsOfKey: string,
    generationsKey: string,
    topicPrefix: string,
    id: string,
    version: number,
    score: number,
    ...topics: string[]
  ): Promise<number>;
}

const registered = new WeakSet<Redis>();

/** Defines the scripts on `redis` once and returns it typed with them. */
export function withStoreCommands(redis: Redis): Redis & StoreCommands {
  if (!registered.has(redis)) {
    redis.defineCommand('saveIncoming', { numberOfKeys: 2, lua: lua('save-incoming') });
    redis.defineCommand('saveSubjects', { numberOfKeys: 2, lua: lua('save-subjects') });
    redis.defineCommand('indexStory', { numberOfKeys: 3, lua: lua('index-story') });
    registered.add(redis);
  }
  return redis as Redis & StoreCommands;
}
