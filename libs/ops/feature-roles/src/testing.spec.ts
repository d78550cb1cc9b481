import { describe, expect, it } from 'vitest';
import { imageNodeOptions } from './testing.js';

describe('imageNodeOptions', () => {
  it('reads the heap bounds the Dockerfile gives every role process', () => {
    expect(imageNodeOptions()).toMatch(/--max-old-space-size=\d+/);
  });

  it('refuses a Dockerfile without the line rather than run processes unbounded', () => {
    expect(() =>
      imageNodeOptions('FROM node:20\nENV NODE_OPTIONS=--max-old-space-size=64\n'),
    ).toThrow(/no ENV NODE_OPTIONS="…" line/);
  });
});
