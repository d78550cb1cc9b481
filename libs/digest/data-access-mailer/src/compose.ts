import { createHash } from 'node:crypto';
import { encodeWords, foldLines } from 'nodemailer/lib/mime-funcs';
import { encode as encodeQp, wrap as wrapQp } from 'nodemailer/lib/qp';

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

function header(name: string, value: string): string {
  return foldLines(`${name}: ${value}`, 76);
}

/** `Name <address>` with a non-ASCII name as an RFC 2047 word. */
function mailbox(value: string): string {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value);
  if (!match || !match[1]) return value.trim();
  const name = /^[\x20-\x7e]*$/.test(match[1])
    ? `"${match[1].replace(/["\\]/g, '\\$&')}"`
    : encodeWords(match[1], 'Q', 52);
  return `${name} <${match[2]}>`;
}

function part(type: string, body: string): string {
  const lines = [
    `Content-Type: ${type}; charset=utf-8`,
    'Content-Transfer-Encoding: quoted-printable',
    '',
  ];
  return `${lines.join('\r\n')}\r\n${wrapQp(encodeQp(body.replace(/\r?\n/g, '\r\n')), 76)}`;
}

/**
 * Composes a `multipart/alternative` message (plain text first, HTML last, as RFC 2046 orders
 * them), both parts UTF-8 quoted-printable, with the given Message-ID and headers. Written
 * directly rather than through nodemailer's streaming composer, which costs several times the
 * rendering of a digest; the boundary holds `=_`, which quoted-printable never produces.
 */
export async function composeMail(mail: OutgoingMail) {
  const boundary = `=_bulletin_${createHash('sha256').update(mail.messageId).digest('hex').slice(0, 24)}`;
  const head = [
    ...Object.entries(mail.headers ?? {}).map(([name, value]) => header(name, value)),
    header('From', mailbox(mail.from)),
    header('To', mail.to),
    header(
      'Subject',
      /^[\x20-\x7e]*$/.test(mail.subject) ? mail.subject : encodeWords(mail.subject, 'Q', 52),
    ),
    header('Message-ID', mail.messageId),
    header('Date', mail.date.toUTCString().replace(/GMT$/, '+0000')),
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const body = [
    `--${boundary}`,
    part('text/plain', mail.text),
    `--${boundary}`,
    part('text/html', mail.html),
    `--${boundary}--`,
    '',
  ];
  const raw = Buffer.from(`${head.join('\r\n')}\r\n\r\n${body.join('\r\n')}`, 'utf8');
  return { messageId: mail.messageId, from: mail.envelopeFrom, to: mail.to, raw };
}
