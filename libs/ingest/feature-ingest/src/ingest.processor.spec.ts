import { BulletinError } from '@bulletin/errors';
import { createLogger } from '@bulletin/runtime';
import type { Story } from '@bulletin/story';
import { readFixture, SEED_FIXTURE } from '@bulletin/wire/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createWireParser, decodePayload, processIngest } from './index.js';

const log = createLogger({ level: 'silent' });
const parser = createWireParser({ inlineMaxBytes: 256 * 1024, maxParseMs: 10_000 });
afterAll(() => parser.close());

function job(bytes: Buffer, encoding: 'utf8' | 'base64' = 'utf8') {
  return {
    source: { id: 'files', name: 'Local files' },
    receivedAt: '2014-11-18T12:00:00.000Z',
    encoding,
    payload: bytes.toString(encoding),
  };
}

/** A stage context that keeps what was handed off. */
function handOffs() {
  const stories: Story[] = [];
  return {
    stories,
    context: {
      log,
      handOff: async (items: readonly { story: Story }[]) =>
        void stories.push(...items.map((i) => i.story)),
    },
  };
}

/** An RSS document of `count` items. */
function bigFeed(count: number): Buffer {
  const items = Array.from(
    { length: count },
    (_, i) =>
      `<item><title>Council item ${i}</title><guid>item-${i}</guid><link>https://example.gov.uk/${i}</link><description>The council said item ${i} was agreed at its meeting.</description><pubDate>Tue, 18 Nov 2014 09:00:00 GMT</pubDate></item>`,
  ).join('');
  return Buffer.from(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://example.gov.uk/</link><description>D</description>${items}</channel></rss>`,
  );
}

describe('decodePayload', () => {
  it('returns text as is and base64 as bytes', () => {
    expect(decodePayload({ encoding: 'utf8', payload: 'abc' })).toBe('abc');
    expect([...(decodePayload({ encoding: 'base64', payload: '6Q==' }) as Uint8Array)]).toEqual([
      0xe9,
    ]);
  });
});

describe('processIngest', () => {
  it('hands the example story on, parsed, the same for text and base64 payloads', async () => {
    const first = handOffs();
    const result = await processIngest(job(readFixture(SEED_FIXTURE)), first.context, parser);
    expect(result.format).toBe('text');
    expect(first.stories.map((story) => story.headline)).toEqual([
      'Circumstances that led to Rotherham child abuse exist in other councils',
    ]);
    expect(result.stories).toEqual([
      { id: first.stories[0]?.id, contentHash: first.stories[0]?.contentHash },
    ]);
    const again = handOffs();
    await processIngest(job(readFixture(SEED_FIXTURE), 'base64'), again.context, parser);
    expect(again.stories).toEqual(first.stories);
  });

  it('keeps the good items of a feed with a broken one and reports the rejection', async () => {
    const run = handOffs();
    const result = await processIngest(
      job(readFixture('rss/malformed-item.xml')),
      run.context,
      parser,
    );
    expect(result.format).toBe('rss');
    expect(run.stories.length).toBeGreaterThan(0);
    expect(result.rejected[0]?.reason).not.toBe('');
  });

  it('fails an unparseable payload permanently, naming the problem', async () => {
    const attempt = processIngest(job(Buffer.from('   ')), handOffs().context, parser);
    await expect(attempt).rejects.toMatchObject({ code: 'WIRE_EMPTY', permanent: true });
  });
});

describe('processIngest with the payload headers', () => {
  it('decodes by the Content-Type charset the payload came with', async () => {
    // UTF-16 without a BOM: only the header can tell; read otherwise it is binary.
    const utf16 = Buffer.from(readFixture(SEED_FIXTURE).toString('utf8'), 'utf16le');
    const run = handOffs();
    await processIngest(
      { ...job(utf16, 'base64'), contentType: 'text/plain; charset=UTF-16LE' },
      run.context,
      parser,
    );
    expect(run.stories[0]?.bodyText).toContain('It’s important to note');
    await expect(
      processIngest(job(utf16, 'base64'), handOffs().context, parser),
    ).rejects.toMatchObject({
      code: 'WIRE_BINARY',
    });
    expect(run.stories[0]?.warnings).toBeUndefined();
  });
});

// A thread starts with its own TypeScript loader: slow on a busy machine, so these get room.
describe('createWireParser limits', { timeout: 30_000 }, () => {
  const source = { id: 's', name: 'S' };
  const receivedAt = '2014-11-18T12:00:00.000Z';

  it('refuses a feed over maxItems and a payload over maxBytes, on and off the thread', async () => {
    const offloaded = createWireParser({
      inlineMaxBytes: 0,
      maxParseMs: 30_000,
      limits: { maxItems: 10, maxBytes: 1_000_000 },
    });
    const inline = createWireParser({
      inlineMaxBytes: 1_000_000,
      maxParseMs: 30_000,
      limits: { maxItems: 10, maxBytes: 1_000 },
    });
    try {
      await expect(
        offloaded.parse({ bytes: bigFeed(11), source, receivedAt }),
      ).rejects.toMatchObject({
        code: 'WIRE_TOO_MANY_ITEMS',
        permanent: true,
        message: 'rss feed has more than 10 items, the most one payload may carry',
      });
      expect(
        (await offloaded.parse({ bytes: bigFeed(10), source, receivedAt })).stories,
      ).toHaveLength(10);
      await expect(inline.parse({ bytes: bigFeed(11), source, receivedAt })).rejects.toMatchObject({
        code: 'WIRE_TOO_LARGE',
        permanent: true,
        message: expect.stringMatching(
          /^payload is \d+ bytes, over the 1000-byte limit$/,
        ) as string,
      });
    } finally {
      await Promise.all([offloaded.close(), inline.close()]);
    }
  });
});

describe('createWireParser off the main thread', { timeout: 30_000 }, () => {
  it('parses a big payload on its thread with the same result as inline', async () => {
    const offloaded = createWireParser({ inlineMaxBytes: 0, maxParseMs: 30_000 });
    const input = {
      bytes: bigFeed(50),
      source: { id: 's', name: 'S' },
      receivedAt: '2014-11-18T12:00:00.000Z',
    };
    const [threaded, inline] = await Promise.all([offloaded.parse(input), parser.parse(input)]);
    expect(threaded).toEqual(inline);
    await expect(offloaded.parse({ ...input, bytes: Buffer.from('  ') })).rejects.toMatchObject({
      code: 'WIRE_EMPTY',
      permanent: true,
    });
    await offloaded.close();
  });

  it('refuses a payload that outlives its time bound, and goes on with the next', async () => {
    // Ten times what this machine parses in the bound, so no machine is fast enough to finish.
    const bounded = createWireParser({
      inlineMaxBytes: 0,
      maxParseMs: 500,
      limits: { maxItems: 1_000_000, maxBytes: 100 * 1024 * 1024 },
    });
    const source = { id: 's', name: 'S' };
    const slow = bounded.parse({
      bytes: bigFeed(40_000),
      source,
      receivedAt: '2014-11-18T12:00:00.000Z',
    });
    const next = bounded.parse({
      bytes: readFixture(SEED_FIXTURE),
      source,
      receivedAt: '2014-11-18T12:00:00.000Z',
    });
    const error = await slow.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BulletinError);
    expect(error).toMatchObject({
      code: 'WIRE_TOO_COSTLY',
      permanent: true,
      message: 'parsing took longer than 500 ms',
    });
    expect((await next).stories).toHaveLength(1);
    await bounded.close();
  });
});
