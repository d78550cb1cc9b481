import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

describe('the digest settings', () => {
  it('default to daily and weekly at 07:00 London and outbox delivery', () => {
    const { digest } = loadConfig({});
    expect(digest.editions).toEqual([
      { name: 'daily', cron: '0 7 * * *', tz: 'Europe/London' },
      { name: 'weekly', cron: '0 7 * * 1', tz: 'Europe/London' },
    ]);
    expect(digest.smtpUrl).toBeUndefined();
    expect(digest.tokenSecret).toBeUndefined();
    expect(digest).toMatchObject({ undeliverableAfter: 3, smtpPoolSize: 5 });
    expect(Object.isFrozen(digest.editions[0])).toBe(true);
  });

  it('reads SMTP, the secret, the mailto and editions', () => {
    const { digest } = loadConfig({
      SMTP_URL: 'smtp://mailpit:1025',
      DIGEST_TOKEN_SECRET: 'x'.repeat(32),
      DIGEST_UNSUBSCRIBE_MAILTO: 'unsubscribe@news.example',
      DIGEST_EDITIONS: 'morning=30 6 * * 1-5@Europe/Paris',
      NODE_ENV: 'production',
    });
    expect(digest).toMatchObject({
      smtpUrl: 'smtp://mailpit:1025',
      tokenSecret: 'x'.repeat(32),
      unsubscribeMailto: 'unsubscribe@news.example',
      editions: [{ name: 'morning', cron: '30 6 * * 1-5', tz: 'Europe/Paris' }],
    });
  });

  it('names the variable it cannot use', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://x' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ DIGEST_TOKEN_SECRET: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ DIGEST_EDITIONS: 'daily=7am@Europe/London' })).toThrow(
      /DIGEST_EDITIONS entries must be name=cron@Zone/,
    );
    expect(() => loadConfig({ DIGEST_EDITIONS: 'daily=0 7 * * *@Mars/Olympus' })).toThrow(
      /unknown time zone "Mars\/Olympus"/,
    );
    expect(() => loadConfig({ DIGEST_UNDELIVERABLE_AFTER: '0' })).toThrow(
      /DIGEST_UNDELIVERABLE_AFTER/,
    );
  });
});
