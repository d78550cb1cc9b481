import { keyGroup } from '@bulletin/redis';

/**
 * The digest scope's keys, one hash slot (scripts touch several at once). Subscribers are
 * named by their address key (a keyed hash), never by their address.
 */
export function digestKeys(prefix: string) {
  const group = keyGroup(prefix, 'digest');
  return Object.freeze({
    subscriber: (key: string) => group.key('sub', key),
    /** Set of the address keys of every subscriber. */
    all: group.key('subs'),
    /** Prefix of the per-edition sets of address keys. */
    editionPrefix: `${group.key('edition-subs')}:`,
    edition: (edition: string) => `${group.key('edition-subs')}:${edition}`,
    pending: (key: string) => group.key('pending', key),
    confirm: (key: string) => group.key('confirm', key),
    cooldown: (key: string) => group.key('cooldown', key),
    /** Story ids a subscriber has had in a digest. */
    seen: (key: string) => group.key('seen', key),
    run: (edition: string) => group.key('run', edition),
    watermark: (edition: string) => group.key('watermark', edition),
    lease: (edition: string) => group.key('lease', edition),
    ledger: (runId: string) => group.key('ledger', runId),
    reports: (edition: string) => group.key('reports', edition),
  });
}

export type DigestKeys = ReturnType<typeof digestKeys>;
