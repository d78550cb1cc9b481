import type { EditionConfig } from '@bulletin/config';
import { MailSendError } from '@bulletin/mailer';
import type { Story } from '@bulletin/story';
import type { EditionRun, LedgerEntry } from '@bulletin/subscribers';
import type { DigestDeps } from './digest-deps.js';
import { buildDigestMessage } from './digest-message.js';
import { messageHost } from './links.js';

/** What happened to one subscriber in one run. */
export type Outcome =
  | { kind: 'sent' }
  | { kind: 'in-doubt' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string };

export interface DeliverContext {
  deps: DigestDeps;
  run: EditionRun;
  edition: EditionConfig;
  stories: readonly Story[];
  /** Tries of a message answered with a 4xx (or cut off before its commit). */
  attempts: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What an earlier attempt of this run left, or `undefined` when this one must send. */
async function settled(context: DeliverContext, key: string, entry: LedgerEntry | undefined) {
  if (entry === undefined || entry.state === 'claimed') return undefined;
  if (entry.state === 'sent') return { kind: 'sent' } as const;
  if (entry.state === 'skipped') return { kind: 'skipped', reason: entry.reason } as const;
  if (entry.state === 'failed') return { kind: 'failed', reason: entry.reason } as const;
  // Committed by a process that died before it heard back: sent unless the mailer can prove
  // it was not (the outbox can; SMTP cannot, and a second copy is worse than a missing one).
  const delivered = await context.deps.mailer.wasDelivered(entry.messageId);
  if (delivered === false) return undefined;
  if (delivered === true) {
    await context.deps.ledger.sent(context.run, key, entry.messageId, []);
    return { kind: 'sent' } as const;
  }
  return { kind: 'in-doubt' } as const;
}

/**
 * Sends one subscriber their digest at most once for the run: the ledger entry goes from
 * claimed to committing (just before SMTP's final dot) to sent. A 4xx is retried with backoff
 * under the same Message-ID; a 5xx counts toward undeliverable.
 */
export async function deliverTo(
  context: DeliverContext,
  key: string,
  entry: LedgerEntry | undefined,
): Promise<Outcome> {
  const done = await settled(context, key, entry);
  if (done) return done;
  const { deps, run, edition, stories } = context;
  const subscriber = await deps.subscribers.get(key);
  if (!subscriber || subscriber.edition !== run.edition)
    return { kind: 'skipped', reason: 'unsubscribed' };
  if (subscriber.undeliverable) {
    await deps.ledger.skip(run, key, 'undeliverable');
    return { kind: 'skipped', reason: 'undeliverable' };
  }
  const seen = await deps.subscribers.seen(
    key,
    stories.map((story) => story.id),
  );
  const messageId = `<${run.runId}.${key}@${messageHost(deps)}>`;
  const message = await buildDigestMessage(
    deps,
    edition,
    subscriber,
    stories,
    seen,
    new Date(run.at),
    messageId,
  );
  if (!message) {
    await deps.ledger.skip(run, key, 'nothing new');
    return { kind: 'skipped', reason: 'nothing new' };
  }
  for (let attempt = 1; ; attempt += 1) {
    await deps.ledger.claim(run, key, messageId);
    try {
      await deps.mailer.send(message.mail, {
        beforeCommit: async () => {
          await deps.ledger.commit(run, key, messageId);
        },
      });
      await deps.ledger.sent(run, key, messageId, message.storyIds);
      deps.metrics?.digestMessages.inc({ status: 'sent' });
      return { kind: 'sent' };
    } catch (error) {
      if (!(error instanceof MailSendError)) throw error;
      if (error.failure === 'in-doubt') return { kind: 'in-doubt' };
      if (error.failure === 'transient' && attempt < context.attempts) {
        await sleep(deps.config.digest.retryBaseMs * 2 ** (attempt - 1));
        continue;
      }
      if (error.failure === 'permanent')
        await deps.subscribers.bounce(key, deps.config.digest.undeliverableAfter);
      await deps.ledger.fail(run, key, messageId, error.message);
      deps.metrics?.digestMessages.inc({ status: 'failed' });
      return { kind: 'failed', reason: error.message };
    }
  }
}
