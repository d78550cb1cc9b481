import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed, FetchError } from './index.js';
import { conditionalRoute, startWireServer, type WireServer } from './testing.js';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';
let wire: WireServer;
const base = { timeoutMs: 2000, maxBytes: 64 * 1024, maxRedirects: 3 };

beforeAll(async () => {
  wire = await startWireServer();
  wire.route('/feed', conditionalRoute(RSS, '"v1"'));
  wire.route('/moved', (_q, r) => void r.writeHead(301, { location: '/feed' }).end());
  wire.route('/loop-a', (_q, r) => void r.writeHead(302, { location: '/loop-b' }).end());
  wire.route('/loop-b', (_q, r) => void r.writeHead(302, { location: '/loop-a' }).end());
  for (let i = 0; i < 5; i += 1) {
    wire.route(`/hop${i}`, (_q, r) => void r.writeHead(307, { location: `/hop${i + 1}` }).end());
  }
  wire.route(
    '/to-file',
    (_q, r) => void r.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  );
  wire.route('/slow', (_q, r) => {
    r.writeHead(200, { 'content-type': 'application/rss+xml' });
    r.write('<rss>');
    setTimeout(() => r.end('</rss>'), 5000).unref();
  });
  wire.route('/big', (_q, r) => void r.writeHead(200).end(Buffer.alloc(100 * 1024, 0x61)));
  wire.route('/big-chunked', (_q, r) => {
    r.writeHead(200);
    for (let i = 0; i < 100; i += 1) r.write(Buffer.alloc(1024, 0x61));
    r.end();
  });
  wire.route(
    '/bomb',
    (_q, r) =>
      void r
        .writeHead(200, { 'content-encoding': 'gzip' })
        .end(gzipSync(Buffer.alloc(50 * 1024 * 1024))),
  );
  wire.route(
    '/gzip',
    (_q, r) => void r.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(RSS)),
  );
  wire.route(
    '/br',
    (_q, r) => void r.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(RSS)),
  );
  wire.route('/gone', (_q, r) => void r.writeHead(410).end());
  wire.route('/down', (_q, r) => void r.writeHead(503).end());
});
afterAll(() => wire.close());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('fetchFeed against a local wire server', () => {
  it('answers 200 with the validators, then 304 when they are sent back', async () => {
    const first = await fetchFeed({ ...base, url: `${wire.url}/feed` });
    expect(first).toMatchObject({
      status: 200,
      etag: '"v1"',
      contentType: 'application/rss+xml; charset=utf-8',
    });
    expect(first.status === 200 && first.body.toString()).toBe(RSS);
    expect(await fetchFeed({ ...base, url: `${wire.url}/feed`, etag: '"v1"' })).toEqual({
      status: 304,
      url: `${wire.url}/feed`,
    });
    expect(wire.requests.at(-1)?.headers).toMatchObject({
      'if-none-match': '"v1"',
      'accept-encoding': 'gzip, deflate, br',
    });
  });

  it('follows redirects up to the limit, and names a loop, one too many and a non-http scheme', async () => {
    expect(await fetchFeed({ ...base, url: `${wire.url}/moved` })).toMatchObject({
      status: 200,
      url: `${wire.url}/feed`,
    });
    expect(await failure(fetchFeed({ ...base, url: `${wire.url}/loop-a` }))).toMatchObject({
      code: 'FETCH_REDIRECT_LOOP',
      permanent: true,
    });
    expect(await failure(fetchFeed({ ...base, url: `${wire.url}/hop0` }))).toMatchObject({
      code: 'FETCH_TOO_MANY_REDIRECTS',
      message: 'more than 3 redirects',
    });
    expect(await failure(fetchFeed({ ...base, url: `${wire.url}/to-file` }))).toMatchObject({
      code: 'FETCH_SCHEME_REFUSED',
    });
    expect(await failure(fetchFeed({ ...base, url: 'ftp://wire.example/feed' }))).toMatchObject({
      code: 'FETCH_SCHEME_REFUSED',
    });
  });

  it('gives up on a slow answer at the deadline', async () => {
    const started = Date.now();
    const error = await failure(fetchFeed({ ...base, url: `${wire.url}/slow`, timeoutMs: 300 }));
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({
      code: 'FETCH_TIMEOUT',
      message: 'no whole answer within 300 ms',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses an answer over the size cap, declared, streamed or decompressed', async () => {
    for (const path of ['/big', '/big-chunked', '/bomb']) {
      expect(await failure(fetchFeed({ ...base, url: `${wire.url}${path}` }))).toMatchObject({
        code: 'FETCH_TOO_LARGE',
        message: 'the answer is over the 65536-byte limit',
      });
    }
  });

  it('decompresses gzip and brotli', async () => {
    for (const path of ['/gzip', '/br']) {
      const outcome = await fetchFeed({ ...base, url: `${wire.url}${path}` });
      expect(outcome.status === 200 && outcome.body.toString()).toBe(RSS);
    }
  });

  it('names HTTP errors and unreachable hosts; 410 is permanent, 503 is not', async () => {
    expect(await failure(fetchFeed({ ...base, url: `${wire.url}/gone` }))).toMatchObject({
      code: 'FETCH_HTTP_STATUS',
      status: 410,
      permanent: true,
    });
    expect(await failure(fetchFeed({ ...base, url: `${wire.url}/down` }))).toMatchObject({
      status: 503,
      permanent: false,
    });
    const closed = await startWireServer();
    await closed.close();
    const host = new URL(closed.url).host;
    expect(await failure(fetchFeed({ ...base, url: `${closed.url}/feed` }))).toMatchObject({
      code: 'FETCH_NETWORK',
      message: `cannot reach ${host} (ECONNREFUSED)`,
    });
  });
});
