/**
 * A token bucket per client address, in this process: `take(ip)` is false once a client has
 * spent its requests for the minute. Idle buckets are swept, so memory follows active clients.
 */
export function createClientLimit(perMinute: number, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const rate = perMinute / 60_000;
  let swept = now();
  return {
    take(client: string): boolean {
      if (perMinute <= 0) return true;
      const time = now();
      if (time - swept > 60_000) {
        for (const [key, bucket] of buckets) if (bucket.at < time - 60_000) buckets.delete(key);
        swept = time;
      }
      const bucket = buckets.get(client) ?? { tokens: perMinute, at: time };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.at) * rate);
      bucket.at = time;
      buckets.set(client, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
