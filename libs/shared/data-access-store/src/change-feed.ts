import type { Redis } from '@bulletin/redis';
import type { Logger } from '@bulletin/runtime';
import type { StoreKeys } from './keys.js';

/** What a listener to feed changes is told. */
export interface ChangeHandlers {
  /** These feeds (`all`, `topics/{slug}`) changed. */
  changed(feeds: string[]): void;
  /** Announcements may have been missed (the channel reconnected): re-check everything. */
  missed(): void;
}

/** The store's announcements of changed feeds. */
export interface ChangeFeed {
  /** Resolves once listening; the returned function stops. */
  subscribe(handlers: ChangeHandlers): Promise<() => Promise<void>>;
}

/**
 * The change channel the publish script announces on, read through `subscriber`, a connection
 * of its own (a subscribed connection can do nothing else). Classic pub/sub reaches every node
 * of a cluster, so every HTTP process hears every change.
 */
export function createChangeFeed(subscriber: Redis, keys: StoreKeys, log: Logger): ChangeFeed {
  return {
    async subscribe(handlers) {
      let subscribed = false;
      subscriber.on('message', (channel: string, message: string) => {
        if (channel === keys.changes) handlers.changed(message.split(' ').filter(Boolean));
      });
      subscriber.on('ready', () => {
        if (!subscribed) return;
        log.warn(
          { channel: keys.changes },
          'feed change channel reconnected; re-checking every cached feed',
        );
        handlers.missed();
      });
      await subscriber.subscribe(keys.changes);
      subscribed = true;
      return async () => subscriber.disconnect();
    },
  };
}
