import { buildHttpServer, closeHttp, listenHttp } from '@bulletin/http';
import { createPipelineQueues, type PipelineQueues } from '@bulletin/queues';
import { createRedisConnection, type Redis } from '@bulletin/redis';
import { redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPlugin, isAuthorized, type AdminPluginOptions } from './index.js';

const available = await redisAvailable();
const log = createLogger({ level: 'silent' });
const apps: FastifyInstance[] = [];
let connection: Redis;
let queues: PipelineQueues;

beforeAll(() => {
  if (!available) return;
  connection = createRedisConnection(TEST_REDIS_URL, { role: 'client', name: 'admin', log });
  queues = createPipelineQueues({ connection, prefix: uniquePrefix('admin'), log, attempts: 1 });
});
afterAll(async () => {
  await Promise.all(apps.map((app) => closeHttp(app, 100)));
  if (!available) return;
  await queues.close();
  connection.disconnect();
});

async function serve(options: Partial<AdminPluginOptions>): Promise<string> {
  const plugin = adminPlugin({
    queues: queues.all(),
    token: 's3cret',
    readOnly: false,
    development: false,
    log,
    ...options,
  });
  const app = await buildHttpServer({
    plugins: [plugin],
    readiness: async () => ({ ready: true, checks: {} }),
    log,
  });
  apps.push(app);
  return listenHttp(app, { host: '127.0.0.1', port: 0 });
}

const bearer = { authorization: 'Bearer s3cret' };

describe('admin authorization', () => {
  it('takes the token as bearer or as the basic auth password, nothing else', () => {
    expect(isAuthorized('Bearer s3cret', 's3cret')).toBe(true);
    expect(isAuthorized(`Basic ${btoa('ops:s3cret')}`, 's3cret')).toBe(true);
    expect(isAuthorized(`Basic ${btoa('s3cret:x')}`, 's3cret')).toBe(false);
    expect(isAuthorized('Bearer s3cre', 's3cret')).toBe(false);
    expect(isAuthorized(undefined, 's3cret')).toBe(false);
  });
});

describe.skipIf(!available)('Bull Board at /admin/queues', () => {
  it('asks for credentials, then serves the page and its assets', async () => {
    const base = await serve({});
    const refused = await fetch(`${base}/admin/queues`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const page = await fetch(`${base}/admin/queues`, { headers: bearer });
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /<script defer src="(static\/js\/main[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${base}/admin/queues/${script}`, { headers: bearer });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await asset.text()).length).toBeGreaterThan(1000);
    const basic = { authorization: `Basic ${btoa('ops:s3cret')}` };
    expect((await fetch(`${base}/admin/queues`, { headers: basic })).status).toBe(200);
  });

  it('lists every pipeline queue, read-only when told', async () => {
    const base = await serve({ readOnly: true });
    const response = await fetch(`${base}/admin/queues/api/queues`, { headers: bearer });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { queues: { name: string; readOnlyMode: boolean }[] };
    expect(body.queues.map((queue) => queue.name).sort()).toEqual(
      queues
        .all()
        .map((queue) => queue.name)
        .sort(),
    );
    expect(body.queues.every((queue) => queue.readOnlyMode)).toBe(true);
  });

  it('stays shut outside development without a token, and opens in development', async () => {
    const shut = await serve({ token: undefined });
    const answer = await fetch(`${shut}/admin/queues`);
    expect(answer.status).toBe(503);
    expect(await answer.text()).toContain('ADMIN_TOKEN');
    const dev = await serve({ token: undefined, development: true });
    expect((await fetch(`${dev}/admin/queues`)).status).toBe(200);
  });
});
