import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { classifySmtpError } from './classify.js';
import { CommitStream } from './commit-stream.js';
import type { ComposedMail, Mailer, SendHooks } from './mailer.js';

export interface SmtpMailerOptions {
  /** `smtp://[user:pass@]host[:port]` or `smtps://…`. */
  url: string;
  /** Connections kept open at once. @defaultValue 5 */
  poolSize?: number;
  /** Messages per second over the pool; 0 for no limit. @defaultValue 0 */
  ratePerSecond?: number;
  /** Messages one connection sends before it is replaced. @defaultValue 100 */
  maxMessagesPerConnection?: number;
  /** Socket inactivity before a send fails. @defaultValue 60000 */
  socketTimeoutMs?: number;
}

interface PooledConnection {
  smtp: SMTPConnection;
  sent: number;
  broken: boolean;
}

function connectionOptions(url: string, socketTimeout: number): SMTPConnection.Options {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: Number(parsed.port || (secure ? 465 : 25)),
    secure,
    ...(parsed.username
      ? {
          auth: {
            user: decodeURIComponent(parsed.username),
            pass: decodeURIComponent(parsed.password),
          },
        }
      : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout,
  } as SMTPConnection.Options;
}

function open(options: SMTPConnection.Options): Promise<PooledConnection> {
  const smtp = new SMTPConnection(options);
  const pooled: PooledConnection = { smtp, sent: 0, broken: false };
  smtp.on('error', () => (pooled.broken = true));
  smtp.on('end', () => (pooled.broken = true));
  return new Promise((resolve, reject) => {
    smtp.connect((error?: Error | null) => {
      if (error) return reject(error);
      const auth = (options as { auth?: { user: string; pass: string } }).auth;
      if (!auth) return resolve(pooled);
      smtp.login(auth, (loginError) => (loginError ? reject(loginError) : resolve(pooled)));
    });
  });
}

/**
 * SMTP through nodemailer's connection, pooled and rate-limited here so the end of each body
 * is ours: the message is committed (SMTP's final `.`) only after `beforeCommit` resolves, which
 * lets the caller record that moment first. Failures come back classified (4xx transient, 5xx
 * permanent, lost after commit in doubt); a broken connection is replaced, never reused.
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const poolSize = options.poolSize ?? 5;
  const interval = options.ratePerSecond ? 1000 / options.ratePerSecond : 0;
  const maxMessages = options.maxMessagesPerConnection ?? 100;
  const smtpOptions = connectionOptions(options.url, options.socketTimeoutMs ?? 60_000);
  const idle: PooledConnection[] = [];
  const waiting: ((connection: PooledConnection | undefined) => void)[] = [];
  let open_ = 0;
  let nextSlot = 0;
  let closed = false;

  async function acquire(): Promise<PooledConnection | undefined> {
    for (let c = idle.pop(); c; c = idle.pop()) if (!c.broken) return c;
    if (open_ < poolSize) {
      open_ += 1;
      try {
        return await open(smtpOptions);
      } catch (error) {
        open_ -= 1;
        throw error;
      }
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  function release(connection: PooledConnection): void {
    const retire = connection.broken || connection.sent >= maxMessages || closed;
    if (retire) {
      open_ -= 1;
      if (connection.broken) connection.smtp.close();
      else connection.smtp.quit();
    }
    const next = waiting.shift();
    if (!next) {
      if (!retire) idle.push(connection);
      return;
    }
    if (!retire) return next(connection);
    // A waiter takes the freed slot and opens its own connection.
    next(undefined);
  }

  async function pace(): Promise<void> {
    if (interval === 0) return;
    const now = Date.now();
    const at = Math.max(now, nextSlot);
    nextSlot = at + interval;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  async function sendOn(connection: PooledConnection, mail: ComposedMail, hooks: SendHooks) {
    const body = new CommitStream(mail.raw, hooks.beforeCommit);
    try {
      await new Promise<void>((resolve, reject) => {
        connection.smtp.send({ from: mail.from, to: [mail.to] }, body, (error) =>
          error ? reject(error) : resolve(),
        );
      });
      connection.sent += 1;
    } catch (error) {
      connection.broken = true;
      throw classifySmtpError(error, body.committed);
    }
  }

  return {
    kind: 'smtp',
    async send(mail, hooks = {}) {
      await pace();
      let connection: PooledConnection | undefined;
      try {
        connection = (await acquire()) ?? (await acquire());
      } catch (error) {
        throw classifySmtpError(error, false);
      }
      if (!connection) throw classifySmtpError(new Error('no connection'), false);
      try {
        await sendOn(connection, mail, hooks);
      } finally {
        release(connection);
      }
    },
    wasDelivered: async () => undefined,
    async close() {
      closed = true;
      for (const connection of idle.splice(0)) connection.smtp.quit();
      for (const waiter of waiting.splice(0)) waiter(undefined);
    },
  };
}
