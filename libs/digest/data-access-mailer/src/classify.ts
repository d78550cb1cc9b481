import { MailSendError } from './mailer.js';

interface SmtpErrorLike {
  responseCode?: number;
  message?: string;
}

/**
 * What a failed SMTP send means. A reply code is the server's word: 4xx later, 5xx never. No
 * reply (socket, timeout) depends on whether the message was committed.
 */
export function classifySmtpError(error: unknown, committed: boolean): MailSendError {
  const { responseCode, message } = (error ?? {}) as SmtpErrorLike;
  const reason = (message ?? 'send failed').replace(/[\r\n]+/g, ' ').slice(0, 300);
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
