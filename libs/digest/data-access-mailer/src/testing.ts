/**
 * A real SMTP server for tests (smtp-server), recording what arrives; mailparser reads it.
 * Its `reply` hook lets a test answer a message with a code of its choosing (451, 550) or drop
 * the connection, the faults a mail server really produces.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  /** The Message-ID header, brackets included. */
  messageId: string;
}

/** What the sink does with one message: accept it, refuse it with a code, or drop the line. */
export type SinkAnswer = { accept: true } | { code: number; message: string } | { drop: true };

export interface SmtpSinkOptions {
  /** Decides each message after its data arrived (default: accept). `index` counts from 0. */
  reply?: (mail: ReceivedMail, index: number) => SinkAnswer;
  /** Decides at RCPT, before any data. */
  rcpt?: (address: string, index: number) => SinkAnswer;
  /** Milliseconds the server takes over each message before it answers (a slow server). */
  delayMs?: number;
  /** Called for each accepted message, as it is accepted. */
  onAccept?: (mail: ReceivedMail) => void;
}

export interface SmtpSink {
  url: string;
  port: number;
  /** Accepted messages, in arrival order. */
  received: ReceivedMail[];
  /** Messages whose data arrived, accepted or not. */
  attempts: number;
  parse(mail: ReceivedMail): Promise<ParsedMail>;
  /** Accepted messages per recipient. */
  countByRecipient(): Map<string, number>;
  close(): Promise<void>;
}

function messageIdOf(raw: Buffer): string {
  const head = raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('utf8');
  return /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '';
}

function refuse(answer: SinkAnswer, session: SMTPServerSession, socketOf: Map<string, () => void>) {
  if ('drop' in answer) {
    socketOf.get(session.id)?.();
    return undefined;
  }
  if ('code' in answer)
    return Object.assign(new Error(answer.message), { responseCode: answer.code });
  return null;
}

/** Starts a sink on a free loopback port. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const sockets = new Map<string, () => void>();
  let attempts = 0;
  let rcpts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 50 * 1024 * 1024,
    onConnect(session, callback) {
      const socket = (
        server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }
      ).connections;
      for (const connection of socket) {
        if (connection.id === session.id)
          sockets.set(session.id, () => connection._socket.destroy());
      }
      callback();
    },
    onRcptTo(address, session, callback) {
      const answer = options.rcpt?.(address.address, rcpts++) ?? { accept: true };
      const error = refuse(answer, session, sockets);
      if (error !== undefined) callback(error ?? undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId: messageIdOf(raw),
        };
        const answer = options.reply?.(mail, attempts++) ?? { accept: true };
        const error = refuse(answer, session, sockets);
        if (error === undefined) return;
        const answerNow = () => {
          if (error === null) {
            received.push(mail);
            options.onAccept?.(mail);
          }
          callback(error ?? undefined);
        };
        if (options.delayMs) setTimeout(answerNow, options.delayMs);
        else answerNow();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    get attempts() {
      return attempts;
    },
    parse: (mail) => simpleParser(mail.raw),
    countByRecipient() {
      const counts = new Map<string, number>();
      for (const mail of received)
        for (const to of mail.to) counts.set(to, (counts.get(to) ?? 0) + 1);
      return counts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
