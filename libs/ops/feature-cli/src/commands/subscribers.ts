import { addressKey, normaliseAddress } from '@bulletin/newsletter';
import type { CliIo } from '../cli-io.js';
import { openDigestSession } from './digest-session.js';
import { importSubscribers } from './subscribers-import.js';

/** `bulletin subscribers import FILE.csv | list | remove EMAIL | erase EMAIL`. */
export async function runSubscribers(args: readonly string[], io: CliIo): Promise<number> {
  const [action, target] = args;
  if (
    !['import', 'list', 'remove', 'erase'].includes(action ?? '') ||
    (action !== 'list' && !target)
  ) {
    io.stderr('usage: bulletin subscribers import FILE.csv | list | remove EMAIL | erase EMAIL');
    return 2;
  }
  const session = await openDigestSession(io);
  try {
    const { subscribers, secret } = session.deps;
    if (action === 'import') return await importSubscribers(session, target ?? '', io);
    if (action === 'list') {
      for (const s of await subscribers.list()) {
        const state = s.undeliverable ? 'undeliverable' : 'active';
        io.stdout([s.email, s.edition, s.topics.join(' '), state].join('\t'));
      }
      return 0;
    }
    const key = addressKey(secret, normaliseAddress(target ?? ''));
    const known = (await subscribers.get(key)) !== undefined;
    if (action === 'remove') await subscribers.remove(key);
    else await subscribers.erase(key);
    io.stdout(
      action === 'erase'
        ? 'erased: no subscription, request or history is left'
        : known
          ? 'removed'
          : 'not subscribed',
    );
    return 0;
  } finally {
    await session.close();
  }
}
