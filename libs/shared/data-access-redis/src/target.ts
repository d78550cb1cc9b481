import { Cluster, Redis as IORedis, type ClusterOptions, type RedisOptions } from 'ioredis';

/** A connection to one Redis, or to a Redis Cluster: the whole code base takes either. */
export type Redis = IORedis | Cluster;

/**
 * Where Redis is: a URL (one server), or the URL and the seed nodes of a Redis Cluster
 * (`config.redis` is one). With seed nodes, the URL is not used.
 */
export type RedisTarget =
  string | { readonly url: string; readonly clusterNodes?: readonly string[] | undefined };

/** The seed nodes when `target` names a cluster, else `undefined`. */
export function clusterNodesOf(target: RedisTarget): readonly string[] | undefined {
  if (typeof target === 'string') return undefined;
  const nodes = target.clusterNodes ?? [];
  return nodes.length > 0 ? nodes : undefined;
}

/** True when `redis` speaks the cluster protocol. */
export function isCluster(redis: Redis): redis is Cluster {
  return redis instanceof Cluster;
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString().replace(/\/$/, '');
}

/** The target fit for a log line or an error message: no password. */
export function describeRedis(target: RedisTarget): string {
  const nodes = clusterNodesOf(target);
  if (nodes !== undefined) return `Redis Cluster ${nodes.map(redact).join(',')}`;
  return redact(typeof target === 'string' ? target : target.url);
}

/**
 * Opens `target` with `options` for each node: an ioredis `Cluster` over the seed nodes (their
 * first entry's user, password and TLS apply to every node), else one ioredis `Redis`.
 */
export function openRedis(
  target: RedisTarget,
  options: RedisOptions,
  cluster: Omit<ClusterOptions, 'redisOptions'> = {},
): Redis {
  const nodes = clusterNodesOf(target);
  if (nodes === undefined) {
    return new IORedis(typeof target === 'string' ? target : target.url, options);
  }
  const urls = nodes.map((node) => new URL(node));
  const first = urls[0] as URL;
  const tls = first.protocol === 'rediss:';
  const redisOptions: RedisOptions = { ...options };
  if (first.username) redisOptions.username = decodeURIComponent(first.username);
  if (first.password) redisOptions.password = decodeURIComponent(first.password);
  if (tls) redisOptions.tls = {};
  return new Cluster(
    urls.map((url) => ({ host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) })),
    {
      ...cluster,
      redisOptions,
      // Managed clusters with TLS announce node addresses their certificates name.
      ...(tls ? { dnsLookup: (address, found) => found(null, address) } : {}),
    },
  );
}
