import type { FastifyInstance } from 'fastify';

export interface RateLimitOptions {
  /** Requests a client may make per minute; 0 turns the limit off. */
  perMinute: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client address, in this process: a poller that hammers the feeds gets 429
 * with `Retry-After`, and costs everyone else nothing but a map lookup. Idle buckets are
 * dropped once a minute, so memory follows the number of active clients.
 */
export function installRateLimit(app: FastifyInstance, options: RateLimitOptions): void {
  if (options.perMinute <= 0) return;
  const now = options.now ?? Date.now;
  const rate = options.perMinute / 60_000;
  const buckets = new Map<string, Bucket>();
  const sweep = setInterval(() => {
    const cutoff = now() - 60_000;
    for (const [client, bucket] of buckets) if (bucket.at < cutoff) buckets.delete(client);
  }, 60_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));
  app.addHook('onRequest', (request, reply, done) => {
    const time = now();
    const bucket = buckets.get(request.ip) ?? { tokens: options.perMinute, at: time };
    bucket.tokens = Math.min(options.perMinute, bucket.tokens + (time - bucket.at) * rate);
    bucket.at = time;
    buckets.set(request.ip, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return done();
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
    void reply
      .code(429)
      .header('retry-after', String(retryAfter))
      .type('text/plain; charset=utf-8')
      .send('too many requests: slow down\n');
  });
}
