import { BulletinError } from '@bulletin/errors';

/** A composed message ready for the wire. */
export interface ComposedMail {
  /** With angle brackets: `<run.key@host>`; stable, so a receiver can tell a repeat. */
  messageId: string;
  /** Envelope sender (bare address). */
  from: string;
  /** Envelope recipient (bare address). */
  to: string;
  /** The whole RFC 5322 message. */
  raw: Buffer;
}

export interface SendHooks {
  /**
   * Runs once the message is fully handed over but before it is committed (before SMTP's final
   * `.`, before the outbox file is renamed into place): the moment after which the message may
   * have been delivered. A rejection aborts the send, which then provably delivered nothing.
   */
  beforeCommit?: () => Promise<void>;
}

/**
 * How a send failed: `transient` (a 4xx, or the connection lost before the commit: nothing was
 * delivered, try again later), `permanent` (a 5xx: this address will not take it), `in-doubt`
 * (the connection was lost after the commit: it may have been delivered).
 */
export type SendFailure = 'transient' | 'permanent' | 'in-doubt';

/** A message that did not go, and why; the message never carries the address. */
export class MailSendError extends BulletinError {
  readonly failure: SendFailure;
  readonly responseCode: number | undefined;
  constructor(failure: SendFailure, message: string, responseCode?: number, cause?: unknown) {
    super(`MAIL_${failure.toUpperCase().replace('-', '_')}`, message, {
      permanent: failure !== 'transient',
      cause,
    });
    this.failure = failure;
    this.responseCode = responseCode;
  }
}

/** Where digests and confirmations go. */
export interface Mailer {
  /** `smtp` or `outbox`, for logs and reports. */
  readonly kind: string;
  /** Sends one message. @throws MailSendError */
  send(mail: ComposedMail, hooks?: SendHooks): Promise<void>;
  /**
   * Whether a message committed by an earlier (dead) process was delivered: `true` or `false`
   * when this mailer can tell (the outbox), `undefined` when it cannot (SMTP).
   */
  wasDelivered(messageId: string): Promise<boolean | undefined>;
  close(): Promise<void>;
}
