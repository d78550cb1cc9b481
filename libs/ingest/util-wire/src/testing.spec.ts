import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, listFixtures, readFixture, SEED_FIXTURE } from './testing.js';

describe('testing door', () => {
  it('resolves fixtures inside the lib', () => {
    expect(fixturePath(SEED_FIXTURE)).toMatch(
      /libs\/ingest\/util-wire\/fixtures\/text\/pse-rotherham-2014-11-18\.txt$/,
    );
    expect(existsSync(fixturePath(SEED_FIXTURE))).toBe(true);
    expect(readFixture(SEED_FIXTURE).subarray(0, 4).toString()).toBe('News');
  });

  it('refuses paths that leave the fixtures folder', () => {
    expect(() => fixturePath('../package.json')).toThrow(RangeError);
    expect(() => fixturePath('/etc/passwd')).toThrow(RangeError);
  });

  it('lists the fixtures of each kind', () => {
    expect(listFixtures('text')).toContain(SEED_FIXTURE);
    expect(listFixtures('text').length).toBeGreaterThanOrEqual(6);
    expect(listFixtures('rss')).toContain('rss/normal.xml');
    expect(listFixtures('atom')).toContain('atom/normal.xml');
  });
});
