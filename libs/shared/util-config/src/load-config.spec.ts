import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      prefix: 'bulletin',
      dataDir: '.data',
      roles: [],
      redis: { url: 'redis://127.0.0.1:6379', autostart: true, dataDir: '.data/redis' },
      http: { host: '127.0.0.1', port: 3000, publicUrl: 'http://localhost:3000' },
      publishing: { siteTitle: 'bulletin', feedSize: 50 },
      workers: { ingestConcurrency: 8, enrichConcurrency: 8, indexConcurrency: 8 },
      shutdownTimeoutMs: 10_000,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.redis)).toBe(true);
    expect(Object.isFrozen(config.roles)).toBe(true);
  });

  it('reads every variable and trims a trailing slash from URLs', () => {
    const config = loadConfig({
      REDIS_URL: 'redis://example:6380/2',
      BULLETIN_PREFIX: 'test-1',
      PORT: '8080',
      PUBLIC_URL: 'https://news.example.gov.uk/',
      REDIS_AUTOSTART: 'no',
    });
    expect(config.redis.url).toBe('redis://example:6380/2');
    expect(config.prefix).toBe('test-1');
    expect(config.http.port).toBe(8080);
    expect(config.http.publicUrl).toBe('https://news.example.gov.uk');
    expect(config.redis.autostart).toBe(false);
  });

  it('reads the seed nodes of a Redis Cluster, as URLs, and names the variable when one is bad', () => {
    expect(loadConfig({}).redis.clusterNodes).toEqual([]);
    expect(
      loadConfig({
        REDIS_CLUSTER_NODES:
          '10.0.0.1:7000, rediss://app:s%40cret@cache.example:6380,10.0.0.1:7000',
      }).redis.clusterNodes,
    ).toEqual(['redis://10.0.0.1:7000', 'rediss://app:s%40cret@cache.example:6380']);
    for (const bad of ['10.0.0.1', 'http://a:1', 'a:1/2', 'redis://a:1?db=2', ':7000']) {
      expect(() => loadConfig({ REDIS_CLUSTER_NODES: `b:2,${bad}` })).toThrow(
        new RegExp(
          `REDIS_CLUSTER_NODES\\[1\\] must be host:port .*got "${bad.replace(/[?/.]/g, '\\$&')}"`,
        ),
      );
    }
  });

  it('puts the private Redis under DATA_DIR unless REDIS_DATA_DIR says otherwise', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/bulletin' }).redis.dataDir).toBe(
      '/var/lib/bulletin/redis',
    );
    expect(loadConfig({ DATA_DIR: '/x', REDIS_DATA_DIR: '/r' }).redis.dataDir).toBe('/r');
  });

  it('reads TAXONOMY_FILE only when it is set', () => {
    expect(loadConfig({}).enrichment).toEqual({});
    expect(loadConfig({ TAXONOMY_FILE: ' /etc/bulletin/taxonomy.json ' }).enrichment).toEqual({
      taxonomyFile: '/etc/bulletin/taxonomy.json',
    });
  });

  it('reads the WebSub hubs as a list of URLs', () => {
    expect(loadConfig({}).publishing.websubHubs).toEqual([]);
    expect(loadConfig({}).publishing.duplicates).toEqual({ windowMs: 48 * 3_600_000, maxBits: 12 });
    expect(
      loadConfig({ DUPLICATE_WINDOW_HOURS: '6', DUPLICATE_MAX_BITS: '0' }).publishing.duplicates,
    ).toEqual({ windowMs: 6 * 3_600_000, maxBits: 0 });
    expect(loadConfig({ DUPLICATE_WINDOW_HOURS: '0' }).publishing.duplicates).toBeUndefined();
    expect(() => loadConfig({ DUPLICATE_MAX_BITS: '40' })).toThrow(/DUPLICATE_MAX_BITS/);
    expect(
      loadConfig({ WEBSUB_HUBS: 'https://a.example/hub, http://b.example/' }).publishing.websubHubs,
    ).toEqual(['https://a.example/hub', 'http://b.example']);
  });

  it('reads the roles of this process, and the old name of the index concurrency', () => {
    expect(loadConfig({ BULLETIN_ROLES: 'ingest, enrich,ingest' }).roles).toEqual([
      'ingest',
      'enrich',
    ]);
    expect(loadConfig({ PUBLISH_CONCURRENCY: '3' }).workers.indexConcurrency).toBe(3);
    expect(
      loadConfig({ PUBLISH_CONCURRENCY: '3', INDEX_CONCURRENCY: '5' }).workers.indexConcurrency,
    ).toBe(5);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number, got "eighty"/],
    [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
    [{ REDIS_URL: 'http://x' }, /REDIS_URL must use redis: or rediss:/],
    [{ REDIS_URL: 'nope' }, /REDIS_URL must be a URL/],
    [{ BULLETIN_PREFIX: 'a:b' }, /BULLETIN_PREFIX may hold only/],
    [{ REDIS_AUTOSTART: 'maybe' }, /REDIS_AUTOSTART must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ BULLETIN_ROLES: 'ingest;enrich' }, /BULLETIN_ROLES must be a comma-separated list/],
    [{ WEBSUB_HUBS: 'https://hub.example, ftp://x' }, /WEBSUB_HUBS\[1\] must use http: or https:/],
  ])('names the setting it cannot use: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the admin area settings; NODE_ENV decides whether it is development', () => {
    expect(loadConfig({}).admin).toEqual({ token: undefined, readOnly: false });
    expect(loadConfig({}).development).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).development).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).development).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', ADMIN_TOKEN: ' s3cret ', ADMIN_READ_ONLY: 'yes' }).admin,
    ).toEqual({ token: 's3cret', readOnly: true });
  });
});
