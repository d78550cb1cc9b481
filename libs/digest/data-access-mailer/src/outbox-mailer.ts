import { access, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MailSendError, type Mailer } from './mailer.js';

/** The outbox file of a Message-ID: the id without brackets, safe as a file name. */
export function outboxFileName(messageId: string): string {
  return `${messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]/g, '_')}.eml`;
}

/**
 * Writes each message as `{dir}/{message-id}.eml` (written aside, then renamed into place after
 * `beforeCommit`), so `npm start` shows digests with no mail server. A file in place is a
 * delivered message, which lets a restarted run prove what a dead one sent.
 */
export function createOutboxMailer(dir: string): Mailer {
  const ready = mkdir(dir, { recursive: true });
  return {
    kind: 'outbox',
    async send(mail, hooks = {}) {
      const target = join(dir, outboxFileName(mail.messageId));
      const aside = join(dir, `.${outboxFileName(mail.messageId)}.${process.pid}.tmp`);
      try {
        await ready;
        await writeFile(aside, mail.raw);
      } catch (error) {
        throw new MailSendError(
          'transient',
          `outbox not writable: ${(error as Error).message}`,
          undefined,
          error,
        );
      }
      try {
        await hooks.beforeCommit?.();
      } catch (error) {
        await unlink(aside).catch(() => undefined);
        throw new MailSendError(
          'transient',
          `not committed: ${(error as Error).message}`,
          undefined,
          error,
        );
      }
      try {
        await rename(aside, target);
      } catch (error) {
        throw new MailSendError(
          'in-doubt',
          `outbox rename failed: ${(error as Error).message}`,
          undefined,
          error,
        );
      }
    },
    async wasDelivered(messageId) {
      return access(join(dir, outboxFileName(messageId))).then(
        () => true,
        () => false,
      );
    },
    close: async () => undefined,
  };
}
