import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: 'bulletin',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      feedSize: 50,
      shutdownTimeoutMs: 10_000,
      redisAutostart: true,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every variable and trims a trailing slash from URLs', () => {
    const config = loadConfig({
      REDIS_URL: 'redis://example:6380/2',
      BULLETIN_PREFIX: 'test-1',
      PORT: '8080',
      PUBLIC_URL: 'https://news.example.gov.uk/',
      REDIS_AUTOSTART: 'no',
    });
    expect(config.redisUrl).toBe('redis://example:6380/2');
    expect(config.prefix).toBe('test-1');
    expect(config.port).toBe(8080);
    expect(config.publicUrl).toBe('https://news.example.gov.uk');
    expect(config.redisAutostart).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number, got "eighty"/],
    [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
    [{ REDIS_URL: 'http://x' }, /REDIS_URL must use redis: or rediss:/],
    [{ REDIS_URL: 'nope' }, /REDIS_URL must be a URL/],
    [{ BULLETIN_PREFIX: 'a:b' }, /BULLETIN_PREFIX may hold only/],
    [{ REDIS_AUTOSTART: 'maybe' }, /REDIS_AUTOSTART must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
  ])('names the setting it cannot use: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
