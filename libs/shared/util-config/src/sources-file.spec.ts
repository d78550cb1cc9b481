import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseSourcesFile } from './index.js';

const FILE = '/etc/bulletin/bulletin.config.yaml';
const TOKEN = 'a-push-token-of-enough-length';

describe('parseSourcesFile', () => {
  it('reads each kind with its defaults, tokens from the environment, folders beside the file', () => {
    const text = `
sources:
  - { id: pa, kind: feed, name: PA Media, url: 'https://wire.example/feed.xml' }
  - id: partner
    kind: push
    name: Partner CMS
    tokenEnv: PARTNER_TOKEN
  - { id: drop, kind: folder, name: Drop, path: inbox/drop }
`;
    expect(parseSourcesFile(text, FILE, { PARTNER_TOKEN: TOKEN })).toEqual([
      {
        id: 'pa',
        kind: 'feed',
        name: 'PA Media',
        url: 'https://wire.example/feed.xml',
        intervalSeconds: 300,
        idleAfterMinutes: 1440,
        headers: {},
      },
      { id: 'partner', kind: 'push', name: 'Partner CMS', token: TOKEN },
      { id: 'drop', kind: 'folder', name: 'Drop', path: '/etc/bulletin/inbox/drop' },
    ]);
  });

  it.each([
    ['sources: [', /^\/etc\/bulletin\/bulletin.config.yaml: line 1, column \d+: /],
    [
      'sources:\n  - { id: pa, kind: feed, name: PA, url: "ftp://x/y" }',
      /bulletin.config.yaml: source "pa", field url: must be an http\(s\) URL/,
    ],
    [
      'sources:\n  - { id: pa, kind: feed, name: PA, url: "http://x/", intervalSeconds: 0 }',
      /source "pa", field intervalSeconds: /,
    ],
    ['sources:\n  - { id: Bad Id, kind: folder, name: X, path: x }', /source "Bad Id", field id: /],
    ['sources:\n  - { id: x, kind: smoke, name: X }', /source "x", field kind: /],
    [
      'sources:\n  - { id: p, kind: push, name: P, tokenEnv: NOT_SET }',
      /source "p": tokenEnv: NOT_SET must be set/,
    ],
    ['sources:\n  - { id: p, kind: push, name: P }', /source "p": give exactly one of tokenEnv/],
    [
      'sources:\n  - { id: d, kind: folder, name: D, path: a }\n  - { id: d, kind: folder, name: E, path: b }',
      /source "d": id is used twice/,
    ],
    [
      'sources:\n  - { id: d, kind: folder, name: D, path: a, colour: red }',
      /source "d": .*colour/,
    ],
  ])('names the file, the source and the field: %s', (text, message) => {
    expect(() => parseSourcesFile(text, FILE, {})).toThrow(ConfigError);
    expect(() => parseSourcesFile(text, FILE, {})).toThrow(message);
  });

  it('is read by loadConfig from BULLETIN_CONFIG; a missing file means no sources', () => {
    const files: Record<string, string> = {
      'custom.yaml': 'sources:\n  - { id: d, kind: folder, name: D, path: /in }',
    };
    const readFile = (path: string) => files[path];
    expect(loadConfig({}, { readFile }).sources).toMatchObject({
      file: './bulletin.config.yaml',
      definitions: [],
      retainHours: 72,
    });
    const config = loadConfig({ BULLETIN_CONFIG: 'custom.yaml' }, { readFile });
    expect(config.sources.definitions).toEqual([
      { id: 'd', kind: 'folder', name: 'D', path: '/in' },
    ]);
    expect(Object.isFrozen(config.sources.definitions[0])).toBe(true);
  });
});
