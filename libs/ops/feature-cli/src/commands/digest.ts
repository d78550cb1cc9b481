import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  buildDigestMessage,
  newestSequence,
  runEdition,
  storiesBetween,
  storiesSince,
} from '@bulletin/digest';
import { addressKey, normaliseAddress } from '@bulletin/newsletter';
import type { CliIo } from '../cli-io.js';
import { openDigestSession, type DigestSession } from './digest-session.js';

async function preview(
  session: DigestSession,
  edition: string,
  values: Record<string, string | undefined>,
  io: CliIo,
) {
  const { deps } = session;
  const config = deps.config.digest.editions.find((e) => e.name === edition);
  if (!config) throw new Error(`no edition "${edition}"`);
  const since = values['since'];
  const stories = since
    ? await storiesSince(deps, Date.parse(since))
    : await storiesBetween(deps, await deps.ledger.watermark(edition), await newestSequence(deps));
  const email = values['subscriber'];
  const subscriber = email
    ? await deps.subscribers.get(addressKey(deps.secret, normaliseAddress(email)))
    : {
        key: 'preview',
        email: 'preview@example.invalid',
        edition,
        topics: deps.topics.map((t) => t.slug),
        sid: 'preview',
        since: '',
        bounces: 0,
        undeliverable: false,
      };
  if (!subscriber) {
    io.stderr('bulletin digest preview: that address is not subscribed');
    return 1;
  }
  const message = await buildDigestMessage(
    deps,
    config,
    subscriber,
    stories,
    new Set(),
    io.now(),
    '<preview@bulletin.invalid>',
  );
  if (!message) {
    io.stderr(
      `bulletin digest preview: nothing new for ${email ? 'that subscriber' : 'the edition'} (${stories.length} stories in range)`,
    );
    return 0;
  }
  if (values['out']) {
    await writeFile(values['out'], message.mail.raw);
    io.stdout(`${values['out']}\t${message.storyIds.length} stories`);
  } else io.stdout(message.mail.raw.toString('utf8'));
  return 0;
}

/** `bulletin digest preview <edition> [--subscriber EMAIL] [--since DATE] [--out FILE]` and `digest run <edition> [--now ISO]`. */
export async function runDigest(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      subscriber: { type: 'string' },
      since: { type: 'string' },
      out: { type: 'string' },
      now: { type: 'string' },
    },
  });
  const [action, edition] = positionals;
  if (!['preview', 'run'].includes(action ?? '') || !edition) {
    io.stderr(
      'usage: bulletin digest preview EDITION [--subscriber EMAIL] [--since DATE] [--out FILE] | run EDITION [--now ISO]',
    );
    return 2;
  }
  for (const name of ['since', 'now'] as const) {
    if (values[name] !== undefined && Number.isNaN(Date.parse(values[name]))) {
      io.stderr(`bulletin digest: --${name} must be a date, got "${values[name]}"`);
      return 2;
    }
  }
  const session = await openDigestSession(io);
  try {
    if (action === 'preview') return await preview(session, edition, values, io);
    const at = values.now ? new Date(values.now) : io.now();
    let shown = 0;
    const report = await runEdition(session.deps, {
      edition,
      at,
      onProgress: (done, total) => {
        if (done === total || done - shown >= Math.max(1, Math.ceil(total / 20))) {
          shown = done;
          io.stderr(`sending: ${done}/${total}`);
        }
      },
    });
    io.stdout(JSON.stringify(report));
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    await session.close();
  }
}
