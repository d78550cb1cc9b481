import { storyBodyHtml, parseStory, type Story } from '@bulletin/story';
import { describe, expect, it } from 'vitest';
import { parseWire, WireParseError, type WireResult } from './index.js';
import { listFixtures, readFixture } from './testing.js';

const source = { id: 'hostile', name: 'Hostile wire' };
const receivedAt = '2030-01-01T12:00:00.000Z';
const EXECUTABLE =
  /<script|<style|<iframe|<object|<embed|<svg|<math|<form|<input|<button|<base|<meta|<link|\son\w+\s*=|javascript:|vbscript:|data:|srcdoc|formaction|evil\.example|alert\(/i;

async function run(name: string, limits = {}): Promise<WireResult | WireParseError> {
  const bytes = readFixture(`hostile/${name}`);
  try {
    const result = await parseWire({ bytes, source, receivedAt }, limits);
    for (const story of result.stories) expect(parseStory(story)).toEqual(story);
    return result;
  } catch (error) {
    expect(error).toBeInstanceOf(WireParseError);
    expect((error as WireParseError).permanent).toBe(true);
    return error as WireParseError;
  }
}

async function refused(name: string, limits = {}): Promise<WireParseError> {
  const outcome = await run(name, limits);
  expect(outcome).toBeInstanceOf(WireParseError);
  return outcome as WireParseError;
}

async function stories(name: string): Promise<Story[]> {
  const outcome = await run(name);
  if (outcome instanceof WireParseError) throw outcome;
  return outcome.stories;
}

function allText(story: Story): string {
  return [
    story.headline,
    story.byline,
    story.summary,
    story.bodyText,
    storyBodyHtml(story),
    JSON.stringify(story.images),
  ].join('\n');
}

describe('hostile corpus: refused with a specific error', () => {
  it.each([
    ['billion-laughs.xml', 'WIRE_XML_ENTITIES', /entities are never expanded/],
    ['xxe-file.xml', 'WIRE_XML_ENTITIES', /external entity.*nothing is ever read/],
    ['xxe-network.xml', 'WIRE_XML_ENTITIES', /external entity/],
    ['empty.txt', 'WIRE_EMPTY', /empty/],
    ['blank.txt', 'WIRE_EMPTY', /empty/],
    ['image.png', 'WIRE_BINARY', /binary/],
    ['feed.xml.gz', 'WIRE_BINARY', /binary/],
    ['document.pdf', 'WIRE_BINARY', /binary/],
    ['random.bin', 'WIRE_BINARY', /binary/],
    [
      'wrong-shape.json',
      'WIRE_NINJS_INVALID',
      /^ninjs item is not valid: people: .*expected array/,
    ],
    ['truncated.json', 'WIRE_JSON_INVALID', /looks like JSON but is not/],
    ['deep-nesting.html', 'WIRE_TOO_DEEP', /more than 512 deep/],
    ['deep-nesting.json', 'WIRE_NO_ITEMS', /\(item\): .*expected object/],
  ])('%s → %s', async (name, code, message) => {
    const error = await refused(name);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses a payload over the size limit before decoding it', async () => {
    const error = await refused('script-page.html', { maxBytes: 1024 });
    expect(error.code).toBe('WIRE_TOO_LARGE');
    expect(error.message).toMatch(/^payload is \d+ bytes, over the 1024-byte limit$/);
  });

  it('refuses a feed over the item limit, saying how many it may have', async () => {
    const error = await refused('truncated-feed.xml', { maxItems: 2 });
    expect(error.code).toBe('WIRE_TOO_MANY_ITEMS');
    expect(error.message).toBe('rss feed has more than 2 items, the most one payload may carry');
  });

  it('never reads the file an external entity names, even where the payload is not refused', async () => {
    for (const name of ['xxe-file.xml', 'xxe-network.xml', 'undeclared-entity.xml']) {
      const outcome = await run(name);
      const text =
        outcome instanceof WireParseError ? outcome.message : outcome.stories.map(allText).join();
      expect(text).not.toMatch(/root:|\/bin\/(?:ba)?sh/);
    }
  });
});

describe('hostile corpus: kept, made safe', () => {
  it('keeps an undeclared entity as literal text rather than resolving it', async () => {
    const [story] = await stories('undeclared-entity.xml');
    expect(story?.headline).toBe('Council &xxe; report');
  });

  it.each(['script-page.html', 'script-ninjs.json', '../rss/hostile-content.xml'])(
    'lets nothing executable through from %s',
    async (name) => {
      const found = await stories(name);
      expect(found.length).toBeGreaterThan(0);
      for (const story of found) expect(allText(story)).not.toMatch(EXECUTABLE);
    },
  );

  it('keeps the real text and the safe link and image of a scripted page', async () => {
    const [story] = await stories('script-page.html');
    expect(story?.headline).toBe('Council agrees new parking rules');
    expect(story?.bodyText).toMatch(/Permits for residents will cost £30 a year/);
    expect(story?.bodyText).toMatch(/Traders’ groups said/);
    expect(story && storyBodyHtml(story)).toContain(
      '<a href="https://www.example.gov.uk/parking" rel="nofollow noopener">',
    );
    expect(story && storyBodyHtml(story)).toContain('src="https://images.example/ok.jpg"');
  });

  it('keeps a UTF-8 story with stray bytes as UTF-8: replacement characters, flagged', async () => {
    const [story] = await stories('invalid-utf8.txt');
    expect(story?.headline).toBe(
      'Circumstances that led to Rotherham child abuse exist in other councils',
    );
    expect(story?.bodyText).toContain('\uFFFD\uFFFDThe report warns');
    // The rest of the file is still read as UTF-8: no windows-1252 mojibake anywhere.
    expect(story?.bodyText).toContain('It’s important');
    expect(story?.bodyText).not.toMatch(/â€|Â£/);
    expect(story?.warnings).toEqual(['invalid UTF-8: 3 byte sequence(s) replaced by U+FFFD']);
  });

  it('reads a windows-1252 feed with bare ampersands and a year-0001 date, losing nothing', async () => {
    const found = await stories('windows-1252-ampersands.xml');
    expect(found.map((story) => story.headline)).toEqual([
      'Council’s £5m plan for health & care',
      'Second item',
    ]);
    expect(found[0]?.bodyText).toBe(
      'The council said the £5m plan – agreed on Monday – would “help carers”.',
    );
    expect(found[0]?.firstcreated).toBe(receivedAt);
    expect(found[0]?.warnings).toContain('unreadable date in pubDate: "01 Jan 0001 00:00:00 GMT"');
    expect(found[1]?.firstcreated).toBe('2014-11-18T09:30:00.000Z');
  });

  it('keeps the items before a truncated one', async () => {
    const outcome = await run('truncated-feed.xml');
    expect(outcome).not.toBeInstanceOf(WireParseError);
    const result = outcome as WireResult;
    expect(result.stories.map((story) => story.headline)).toEqual([
      'Council item 0',
      'Council item 1',
    ]);
    expect(result.rejected).toHaveLength(1);
  });

  it('rejects only the item nested too deep to parse', async () => {
    const error = await refused('deep-nesting.xml');
    expect(error.code).toBe('WIRE_NO_ITEMS');
    expect(error.message).toMatch(/item 0: invalid XML/);
  });

  it('has a case for every fixture in the corpus', () => {
    const covered = new Set([
      'billion-laughs.xml',
      'xxe-file.xml',
      'xxe-network.xml',
      'empty.txt',
      'blank.txt',
      'image.png',
      'feed.xml.gz',
      'document.pdf',
      'random.bin',
      'wrong-shape.json',
      'truncated.json',
      'deep-nesting.html',
      'deep-nesting.json',
      'script-page.html',
      'truncated-feed.xml',
      'undeclared-entity.xml',
      'script-ninjs.json',
      'invalid-utf8.txt',
      'windows-1252-ampersands.xml',
      'deep-nesting.xml',
    ]);
    expect(listFixtures('hostile').map((path) => path.slice('hostile/'.length))).toEqual(
      [...covered].sort(),
    );
  });
});
