import type { IngestJobData } from '@bulletin/contracts';
import { buildHttpServer, closeHttp, listenHttp } from '@bulletin/http';
import { createWireParser } from '@bulletin/ingest';
import { createLogger } from '@bulletin/runtime';
import { readFixture, SEED_FIXTURE } from '@bulletin/wire/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushPlugin, takePayload } from './index.js';

const TOKEN = 'partner-token-0123456789';
const OTHER = 'other-token-0123456789ab';
const MAX = 64 * 1024;
const parser = createWireParser({ inlineMaxBytes: MAX, maxParseMs: 5000 });
const queued: IngestJobData[] = [];
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  const plugin = pushPlugin({
    sources: [
      { id: 'partner', kind: 'push', name: 'Partner CMS', token: TOKEN },
      { id: 'other', kind: 'push', name: 'Other', token: OTHER },
    ],
    take: (data) =>
      takePayload(data, {
        parse: parser.parse,
        enqueue: async (d) => void queued.push(d),
        now: Date.now,
      }),
    maxBytes: MAX,
    now: () => new Date('2024-06-12T10:00:00.000Z'),
  });
  app = await buildHttpServer({
    plugins: [plugin],
    readiness: async () => ({ ready: true, checks: {} }),
    log: createLogger({ level: 'silent' }),
  });
  base = await listenHttp(app, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await closeHttp(app, 100);
  await parser.close();
});

function push(path: string, body: string | Buffer, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    body,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'text/plain; charset=utf-8',
      ...headers,
    },
  });
}

describe('POST /ingest over real HTTP', () => {
  it('takes a story with 202 and the id the ingest stage will give it, by path or by token', async () => {
    const story = readFixture(SEED_FIXTURE);
    const byPath = await push('/ingest/partner', story);
    expect(byPath.status).toBe(202);
    const answer = (await byPath.json()) as { source: string; stories: string[] };
    expect(answer).toEqual({
      source: 'partner',
      stories: [expect.stringMatching(/^[0-9a-f]{20}$/)],
      rejected: [],
    });
    const byToken = await push('/ingest', story);
    expect(await byToken.json()).toEqual(answer);
    expect(queued.at(-1)).toMatchObject({
      source: { id: 'partner', name: 'Partner CMS' },
      receivedAt: '2024-06-12T10:00:00.000Z',
      contentType: 'text/plain; charset=utf-8',
      encoding: 'utf8',
    });
  });

  it('answers 401 without a token and 403 with a wrong one or another source’s, never echoing it', async () => {
    const none = await push('/ingest/partner', 'x', { authorization: '' });
    expect([none.status, none.headers.get('www-authenticate'), await none.text()]).toEqual([
      401,
      'Bearer realm="bulletin ingest"',
      'a bearer token is required\n',
    ]);
    const wrong = await push('/ingest/partner', 'x', {
      authorization: 'Bearer not-the-token-at-all',
    });
    const text = await wrong.text();
    expect([wrong.status, text]).toEqual([
      403,
      'the token does not allow pushing to this source\n',
    ]);
    expect((await push('/ingest/partner', 'x', { authorization: `Bearer ${OTHER}` })).status).toBe(
      403,
    );
    expect(
      (await push('/ingest', 'x', { authorization: 'Bearer not-the-token-at-all' })).status,
    ).toBe(403);
    expect(
      (await push('/ingest/nobody', 'x', { authorization: 'Bearer not-the-token-at-all' })).status,
    ).toBe(403);
    expect((await push('/ingest/nobody', 'x')).status).toBe(404);
  });

  it('answers 413 over the size limit, 415 for an unknown type, 400 with the reason for a bad body', async () => {
    const before = queued.length;
    expect((await push('/ingest/partner', Buffer.alloc(MAX + 1, 0x61))).status).toBe(413);
    const typed = await push('/ingest/partner', 'x', { 'content-type': 'image/png' });
    expect([typed.status, await typed.text()]).toEqual([415, 'unsupported media type\n']);
    const empty = await push('/ingest/partner', '');
    expect([empty.status, await empty.text()]).toEqual([400, 'the body is empty\n']);
    const blank = await push('/ingest/partner', '   \n\n  ');
    expect([blank.status, (await blank.text()).split(':')[0]]).toEqual([400, 'WIRE_EMPTY']);
    const xml = await push('/ingest/partner', '<rss version="2.0"><channel><title>T', {
      'content-type': 'application/rss+xml',
    });
    expect(xml.status).toBe(400);
    expect(await xml.text()).toMatch(/^WIRE_[A-Z_]+: /);
    expect(queued.length).toBe(before);
  });

  it('checks the token before it reads the body, and allows only POST', async () => {
    expect(
      (await push('/ingest/partner', Buffer.alloc(MAX + 1, 0x61), { authorization: '' })).status,
    ).toBe(401);
    const get = await fetch(`${base}/ingest/partner`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });
});
