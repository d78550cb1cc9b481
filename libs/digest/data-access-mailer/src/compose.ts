import MailComposer from 'nodemailer/lib/mail-composer';

/** What a message says, before MIME. */
export interface OutgoingMail {
  messageId: string;
  /** `Name <address>` or a bare address. */
  from: string;
  /** Bare envelope sender, for the SMTP `MAIL FROM`. */
  envelopeFrom: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  date: Date;
  /** Extra headers, e.g. `List-Unsubscribe`. */
  headers?: Readonly<Record<string, string>>;
}

/**
 * Composes a `multipart/alternative` message (plain text first, HTML last, as RFC 2046 orders
 * them) with the given Message-ID and headers.
 */
export async function composeMail(mail: OutgoingMail) {
  const node = new MailComposer({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    date: mail.date,
    headers: { ...mail.headers },
  }).compile();
  const raw = await node.build();
  return { messageId: mail.messageId, from: mail.envelopeFrom, to: mail.to, raw };
}
