import type { Redis } from '@bulletin/redis';
import { digestKeys } from './keys.js';

/** An active subscription. */
export interface Subscriber {
  /** The address key: a keyed hash of the address. */
  key: string;
  email: string;
  edition: string;
  topics: string[];
  /** The subscription's id: links carry it, so an erased and renewed address gets new links. */
  sid: string;
  since: string;
  /** Hard bounces so far. */
  bounces: number;
  undeliverable: boolean;
}

/** A subscription request waiting for its confirmation. */
export interface SubscriptionRequest {
  key: string;
  email: string;
  edition: string;
  topics: readonly string[];
}

const CONFIRM = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
redis.call('DEL', KEYS[1])
local p = redis.call('HMGET', KEYS[2], 'email', 'edition', 'topics')
if not p[1] then return false end
local old = redis.call('HMGET', KEYS[3], 'edition', 'sid')
if old[1] then redis.call('SREM', ARGV[2] .. old[1], ARGV[3]) end
local sid = old[2] or ARGV[4]
redis.call('HSET', KEYS[3], 'email', p[1], 'edition', p[2], 'topics', p[3], 'sid', sid,
  'since', ARGV[5], 'bounces', 0, 'undeliverable', 0)
redis.call('SADD', ARGV[2] .. p[2], ARGV[3])
redis.call('SADD', KEYS[4], ARGV[3])
redis.call('DEL', KEYS[2])
return sid`;

function toSubscriber(key: string, fields: Record<string, string>): Subscriber | undefined {
  if (!fields['email'] || !fields['sid']) return undefined;
  return {
    key,
    email: fields['email'],
    edition: fields['edition'] ?? '',
    topics: (fields['topics'] ?? '').split(' ').filter(Boolean),
    sid: fields['sid'],
    since: fields['since'] ?? '',
    bounces: Number(fields['bounces'] ?? 0),
    undeliverable: fields['undeliverable'] === '1',
  };
}

/** Subscribers and their pending confirmations, in Redis. */
export function createSubscriberStore(redis: Redis, prefix: string) {
  const keys = digestKeys(prefix);
  return {
    /**
     * Records a request and whether a confirmation may go out now: at most one per address per
     * cooldown. The request's topics and edition replace an earlier unconfirmed one.
     * @returns the nonce to put in the confirmation link, or `undefined` inside the cooldown.
     */
    async request(request: SubscriptionRequest, nonce: string, ttlMs: number, cooldownMs: number) {
      const fields = {
        email: request.email,
        edition: request.edition,
        topics: request.topics.join(' '),
      };
      await redis
        .multi()
        .hset(keys.pending(request.key), fields)
        .pexpire(keys.pending(request.key), ttlMs)
        .exec();
      if (cooldownMs > 0) {
        const fresh = await redis.set(keys.cooldown(request.key), '1', 'PX', cooldownMs, 'NX');
        if (fresh === null) return undefined;
      }
      await redis.set(keys.confirm(request.key), nonce, 'PX', ttlMs);
      return nonce;
    },
    /** Confirms once: the nonce is spent either way. @returns the subscriber, or `undefined` */
    async confirm(key: string, nonce: string, newSid: string, now: Date) {
      const sid = (await redis.eval(
        CONFIRM,
        4,
        keys.confirm(key),
        keys.pending(key),
        keys.subscriber(key),
        keys.all,
        nonce,
        keys.editionPrefix,
        key,
        newSid,
        now.toISOString(),
      )) as string | null;
      return sid === null ? undefined : this.get(key);
    },
    async get(key: string): Promise<Subscriber | undefined> {
      return toSubscriber(key, await redis.hgetall(keys.subscriber(key)));
    },
    /** Adds or replaces an active subscription directly (operator import). */
    async put(subscriber: Omit<Subscriber, 'bounces' | 'undeliverable'>) {
      const old = await redis.hget(keys.subscriber(subscriber.key), 'edition');
      const multi = redis.multi();
      if (old !== null && old !== subscriber.edition) multi.srem(keys.edition(old), subscriber.key);
      multi.hset(keys.subscriber(subscriber.key), {
        email: subscriber.email,
        edition: subscriber.edition,
        topics: subscriber.topics.join(' '),
        sid: subscriber.sid,
        since: subscriber.since,
      });
      multi.hsetnx(keys.subscriber(subscriber.key), 'bounces', 0);
      multi.sadd(keys.edition(subscriber.edition), subscriber.key).sadd(keys.all, subscriber.key);
      await multi.exec();
    },
    /** Changes topics and edition; an empty topic list ends the subscription. */
    async update(subscriber: Subscriber, edition: string, topics: readonly string[]) {
      if (topics.length === 0) return this.remove(subscriber.key);
      await this.put({ ...subscriber, edition, topics: [...topics] });
    },
    /** Ends a subscription (what an unsubscribe does). */
    async remove(key: string) {
      const edition = await redis.hget(keys.subscriber(key), 'edition');
      const multi = redis.multi().del(keys.subscriber(key)).srem(keys.all, key);
      if (edition !== null) multi.srem(keys.edition(edition), key);
      await multi.exec();
    },
    /** Removes every trace of one person; ledgers keep only keyed hashes. */
    async erase(key: string) {
      await this.remove(key);
      await redis.del(keys.pending(key), keys.confirm(key), keys.cooldown(key), keys.seen(key));
    },
    /** Address keys of an edition's subscribers, sorted (a resumed run walks the same order). */
    async members(edition: string): Promise<string[]> {
      return (await redis.smembers(keys.edition(edition))).sort();
    },
    async list(): Promise<Subscriber[]> {
      const all = (await redis.smembers(keys.all)).sort();
      const found = await Promise.all(all.map((key) => this.get(key)));
      return found.filter((s): s is Subscriber => s !== undefined);
    },
    /** Counts a hard bounce. @returns whether the address is now undeliverable */
    async bounce(key: string, threshold: number): Promise<boolean> {
      if ((await redis.exists(keys.subscriber(key))) === 0) return false;
      const count = await redis.hincrby(keys.subscriber(key), 'bounces', 1);
      if (count < threshold) return false;
      await redis.hset(keys.subscriber(key), 'undeliverable', 1);
      return true;
    },
    /** Which of `ids` this subscriber has had before. */
    async seen(key: string, ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const flags = await redis.smismember(keys.seen(key), ...ids);
      return new Set(ids.filter((_id, i) => flags[i] === 1));
    },
  };
}

export type SubscriberStore = ReturnType<typeof createSubscriberStore>;
