import { MailSendError } from './mailer.js';

interface SmtpErrorLike {
  responseCode?: number;
  message?: string;
}

/** Anything shaped like an address: servers often echo the recipient in their reply. */
const ADDRESS = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+/g;

/**
 * A server's reply fit to keep: one line, at most 300 characters, and no address in clear,
 * since reasons go to the ledger, the run reports and the logs (a subscriber is named by
 * their address key there, never by their address).
 */
export function redactReason(message: string): string {
  return message
    .replace(/[\r\n]+/g, ' ')
    .replace(ADDRESS, '<address>')
    .slice(0, 300);
}

/**
 * What a failed SMTP send means. A reply code is the server's word: 4xx later, 5xx never. No
 * reply (socket, timeout) depends on whether the message was committed.
 */
export function classifySmtpError(error: unknown, committed: boolean): MailSendError {
  const { responseCode, message } = (error ?? {}) as SmtpErrorLike;
  const reason = redactReason(message ?? 'send failed');
  if (typeof responseCode === 'number' && responseCode >= 500 && responseCode !== 503) {
    return new MailSendError('permanent', `${responseCode}: ${reason}`, responseCode, error);
  }
  if (typeof responseCode === 'number') {
    return new MailSendError('transient', `${responseCode}: ${reason}`, responseCode, error);
  }
  return committed
    ? new MailSendError(
        'in-doubt',
        `connection lost after the message was committed: ${reason}`,
        undefined,
        error,
      )
    : new MailSendError(
        'transient',
        `connection lost before the message was committed: ${reason}`,
        undefined,
        error,
      );
}
