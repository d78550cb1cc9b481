import { Cluster, Redis as IORedis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createRedisConnection, describeRedis } from './index.js';
import { createLogger } from '@bulletin/runtime';

const log = createLogger({ level: 'silent' });
const cluster = {
  url: 'redis://unused:6379',
  clusterNodes: ['rediss://app:s%40cret@10.0.0.1:7000', 'rediss://10.0.0.2:7001'],
};

describe('a Redis target', () => {
  it('describes one server or a cluster without its password', () => {
    expect(describeRedis('redis://:pw@h:6380/2')).toBe('redis://:***@h:6380/2');
    expect(describeRedis({ url: 'redis://h:1', clusterNodes: [] })).toBe('redis://h:1');
    expect(describeRedis(cluster)).toBe(
      'Redis Cluster rediss://app:***@10.0.0.1:7000,rediss://10.0.0.2:7001',
    );
  });

  it("opens a Cluster with the role's settings, credentials and TLS on every node", () => {
    const redis = createRedisConnection(cluster, { role: 'worker', name: 'w', log }) as Cluster;
    try {
      expect(redis).toBeInstanceOf(Cluster);
      expect(redis.options.redisOptions).toMatchObject({
        connectionName: 'w',
        maxRetriesPerRequest: null,
        username: 'app',
        password: 's@cret',
        tls: {},
      });
    } finally {
      redis.disconnect();
    }
    const single = createRedisConnection(
      { url: 'redis://127.0.0.1:1', clusterNodes: [] },
      { role: 'cli', name: 'c', log },
    );
    try {
      expect(single).toBeInstanceOf(IORedis);
      expect((single as IORedis).options.maxRetriesPerRequest).toBe(0);
    } finally {
      single.disconnect();
    }
  });
});
