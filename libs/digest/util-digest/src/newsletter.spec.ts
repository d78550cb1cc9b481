import { makeStory } from '@bulletin/story/testing';
import type { Story } from '@bulletin/story';
import { describe, expect, it } from 'vitest';
import {
  addressKey,
  InvalidAddressError,
  normaliseAddress,
  renderDigest,
  selectStories,
  signToken,
  verifyToken,
} from './index.js';

const SECRET = 's'.repeat(40);
const NOW = Date.parse('2026-12-03T07:00:00Z');
const topics = [
  { slug: 'child-protection', name: 'Child protection' },
  { slug: 'housing', name: 'Housing' },
  { slug: 'health', name: 'Health' },
];
const subject = (slug: string) => ({
  slug,
  name: topics.find((t) => t.slug === slug)?.name ?? slug,
  codes: [],
  confidence: 1,
  matched: [],
});
function story(key: string, slugs: string[], day: number, extra: Partial<Story> = {}): Story {
  const at = `2026-12-0${day}T06:00:00.000Z`;
  return makeStory(key, {
    subjects: slugs.map(subject),
    firstcreated: at,
    versioncreated: at,
    ...extra,
  });
}

describe('addresses', () => {
  it('normalise to one spelling and reject what cannot be an address', () => {
    expect(normaliseAddress('  Jo.Bloggs+news@Example.GOV.uk. ')).toBe(
      'jo.bloggs+news@example.gov.uk',
    );
    for (const bad of [
      '',
      'jo',
      'jo@',
      '@x.org',
      'jo@localhost',
      'a b@x.org',
      'jo@-x.org',
      `${'a'.repeat(65)}@x.org`,
      'jo..b@x.org',
    ]) {
      expect(() => normaliseAddress(bad), bad).toThrow(InvalidAddressError);
    }
    expect(() => normaliseAddress('secret@x')).toThrow(/^not a usable email address: the domain/);
  });

  it('key to a hash that depends on the secret and never contains the address', () => {
    const key = addressKey(SECRET, 'jo@example.org');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(key).toBe(addressKey(SECRET, 'jo@example.org'));
    expect(key).not.toBe(addressKey('t'.repeat(40), 'jo@example.org'));
  });
});

describe('tokens', () => {
  const claims = { purpose: 'unsubscribe' as const, key: 'k1', nonce: 'n1', exp: NOW / 1000 + 60 };
  const token = signToken(SECRET, claims);

  it('verify for their purpose until they expire', () => {
    expect(verifyToken(SECRET, token, 'unsubscribe', NOW)).toEqual(claims);
    expect(verifyToken(SECRET, token, 'unsubscribe', NOW + 60_000)).toBeUndefined();
    expect(verifyToken(SECRET, token, 'preferences', NOW)).toBeUndefined();
  });

  it('refuse every forged or altered token', () => {
    const [p, k, n, e, sig] = token.split('.') as [string, string, string, string, string];
    const flipped = `${sig.slice(0, -2)}${sig.at(-2) === 'A' ? 'B' : 'A'}${sig.at(-1)}`;
    for (const bad of [
      `${p}.k2.${n}.${e}.${sig}`,
      `${p}.${k}.${n}.${Number(e) + 1000}.${sig}`,
      `preferences.${k}.${n}.${e}.${sig}`,
      `${p}.${k}.${n}.${e}.${flipped}`,
      signToken('t'.repeat(40), claims),
      `${p}.${k}.${n}.${e}`,
      `${token}.x`,
      '',
      42,
    ]) {
      expect(verifyToken(SECRET, bad, 'unsubscribe', NOW), String(bad)).toBeUndefined();
    }
    // The last base64url character carries unused bits: no other spelling of it is the token.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const last of alphabet.replace(sig.at(-1) ?? '', '')) {
      const respelt = `${p}.${k}.${n}.${e}.${sig.slice(0, -1)}${last}`;
      expect(verifyToken(SECRET, respelt, 'unsubscribe', NOW), respelt).toBeUndefined();
    }
  });
});

describe('selecting a subscriber’s stories', () => {
  const a = story('a', ['housing'], 1);
  const b = story('b', ['child-protection', 'housing'], 2);
  const c = story('c', ['health'], 3);
  const d = story('d', ['housing'], 3);

  it('groups by topic in topic order, newest first, each story once, minus those seen', () => {
    const sections = selectStories({
      stories: [a, b, c, d],
      follows: ['housing', 'child-protection'],
      seen: new Set(),
      topics,
    });
    expect(sections.map((s) => [s.topic.slug, s.stories.map((x) => x.id)])).toEqual([
      ['child-protection', [b.id]],
      ['housing', [d.id, a.id]],
    ]);
    const later = selectStories({
      stories: [a, b, d],
      follows: ['housing'],
      seen: new Set([d.id, b.id]),
      topics,
    });
    expect(later.map((s) => s.stories.map((x) => x.id))).toEqual([[a.id]]);
  });

  it('gives nothing to a subscriber with nothing new', () => {
    expect(selectStories({ stories: [c], follows: ['housing'], seen: new Set(), topics })).toEqual(
      [],
    );
  });
});

describe('rendering a digest', () => {
  const hostile = story('x', ['housing'], 2, {
    headline: 'Rents <script>alert(1)</script> & "caps"',
    summary: 'Tenants <b>win</b>',
  });
  const plain = story('y', ['housing'], 1);
  const links = {
    preferences: 'https://news.example/preferences?token=p"x',
    unsubscribe: 'https://news.example/unsubscribe?token=u',
  };
  const rendered = renderDigest({
    siteTitle: 'Bulletin',
    edition: 'daily',
    baseUrl: 'https://news.example',
    at: new Date(NOW),
    tz: 'Europe/London',
    sections: [{ topic: topics[1]!, stories: [hostile, plain] }],
    links,
  });

  it('names the edition and the lead story in the subject, with a preheader', () => {
    expect(rendered.subject).toBe(`Bulletin Daily, 3 December 2026: ${hostile.headline}`);
    expect(rendered.preheader).toBe(`${hostile.headline}, and 1 more story`);
  });

  it('escapes everything in the HTML and keeps it in tables with inline styles', () => {
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).not.toContain('<b>win');
    expect(rendered.html).toContain(
      'Rents &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;caps&quot;',
    );
    expect(rendered.html).toContain('href="https://news.example/preferences?token=p&quot;x"');
    expect(rendered.html).toContain(`href="https://news.example/stories/${plain.id}"`);
    expect(rendered.html).toMatch(/<table role="presentation"/);
    expect(rendered.html).not.toMatch(/<style/);
  });

  it('has the same stories, topics and links in the plain text', () => {
    expect(rendered.text).toContain(hostile.headline);
    expect(rendered.text).toContain(`https://news.example/stories/${plain.id}`);
    expect(rendered.text).toContain('Topics: Housing');
    expect(rendered.text).toContain(`Unsubscribe: ${links.unsubscribe}`);
    expect(rendered.text.indexOf(hostile.headline)).toBeLessThan(
      rendered.text.indexOf(plain.headline),
    );
  });

  it('renders the same bytes for the same input', () => {
    const again = renderDigest({
      siteTitle: 'Bulletin',
      edition: 'daily',
      baseUrl: 'https://news.example',
      at: new Date(NOW),
      tz: 'Europe/London',
      sections: [{ topic: topics[1]!, stories: [hostile, plain] }],
      links,
    });
    expect(again).toEqual(rendered);
  });
});
