import { describe, expect, it } from 'vitest';
import { fixtureBodies } from '../bench/corpus-bodies.js';
import {
  DEFAULT_SIMHASH_THRESHOLD,
  fingerprintStory,
  hammingDistance,
  parseWire,
} from './index.js';
import { simhashWords } from './fingerprint.js';
import { buildDuplicatePairs, readFixture, scoreDuplicates, SEED_FIXTURE } from './testing.js';

describe('fingerprintStory', () => {
  it('gives a 64-bit text hash and a 64-bit SimHash', () => {
    const { textHash, simhash } = fingerprintStory('The council agreed the plan on Monday.');
    expect(textHash).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintStory('')).toMatchObject({ simhash: '0000000000000000' });
  });

  it('gives an exact copy the same text hash, whatever its quotes, case, spacing and breaks', () => {
    const a = fingerprintStory('The council’s “plan” – agreed.\n\nIt costs £5m.');
    const b = fingerprintStory('the council\'s "plan" - agreed. It   costs £5m');
    expect(b.textHash).toBe(a.textHash);
    expect(b.simhash).toBe(a.simhash);
    expect(fingerprintStory('The council rejected the plan.').textHash).not.toBe(a.textHash);
  });

  it('tells texts apart by their words, their order and their number', () => {
    const texts = ['', 'a', 'a a', 'a b', 'b a', 'ab', 'a b c', 'a bc', 'ab c', 'ü a', 'é a'];
    const hashes = texts.map((text) => fingerprintStory(text).textHash);
    expect(new Set(hashes).size).toBe(texts.length);
  });

  it("gives the SimHash of the text's words, however long the text", () => {
    const long = Array.from({ length: 20_000 }, (_, i) => `w${i % 997}`).join(' ');
    expect(fingerprintStory(long).simhash).toBe(simhashWords(long.split(' ')));
    expect(fingerprintStory('Ünïcode 😀 words, twice: ünïcode').simhash).toBe(
      simhashWords(['ünïcode', 'words', 'twice', 'ünïcode']),
    );
  });

  it('is set on every parsed story, from its body', async () => {
    const { stories } = await parseWire({
      bytes: readFixture(SEED_FIXTURE),
      source: { id: 'pse', name: 'PSE' },
      receivedAt: '2030-01-01T00:00:00Z',
    });
    const story = stories[0];
    expect(story).toMatchObject(fingerprintStory(story?.bodyText ?? ''));
  });
});

describe('hammingDistance', () => {
  it('counts the differing bits of two SimHashes', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(hammingDistance('00000000F0000000', '0000000000000000')).toBe(4);
    expect(() => hammingDistance('abc', '0000000000000000')).toThrow(RangeError);
  });
});

describe('duplicates corpus', () => {
  it('has at least 30 pairs of each answer and of every kind', async () => {
    const pairs = buildDuplicatePairs(await fixtureBodies());
    expect(pairs.filter((pair) => pair.duplicate).length).toBeGreaterThanOrEqual(30);
    expect(pairs.filter((pair) => !pair.duplicate).length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(pairs.map((pair) => pair.kind));
    expect([...kinds].sort()).toEqual([
      'agency',
      'cut',
      'different',
      'retitled',
      'reworded',
      'truncated',
    ]);
  });

  it('finds the same story at the default threshold without calling different stories the same', async () => {
    const pairs = buildDuplicatePairs(await fixtureBodies());
    const score = scoreDuplicates(
      pairs,
      fingerprintStory,
      hammingDistance,
      DEFAULT_SIMHASH_THRESHOLD,
    );
    expect(score.precision).toBe(1);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    // Exact copies (retitled) are found by the text hash alone.
    for (const pair of pairs.filter((p) => p.kind === 'retitled')) {
      expect(fingerprintStory(pair.b).textHash).toBe(fingerprintStory(pair.a).textHash);
    }
  });
});
