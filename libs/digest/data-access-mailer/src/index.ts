/**
 * @module @bulletin/mailer
 * The Mailer port (send with a commit hook, classified failures, proof of delivery where the
 * medium allows) and its implementations: pooled, rate-limited SMTP over nodemailer, and the
 * outbox of `.eml` files used when no `SMTP_URL` is set.
 */
export {
  MailSendError,
  type Mailer,
  type ComposedMail,
  type SendHooks,
  type SendFailure,
} from './mailer.js';
export { composeMail, type OutgoingMail } from './compose.js';
export { createSmtpMailer, type SmtpMailerOptions } from './smtp-mailer.js';
export { createOutboxMailer, outboxFileName } from './outbox-mailer.js';
export { classifySmtpError } from './classify.js';
