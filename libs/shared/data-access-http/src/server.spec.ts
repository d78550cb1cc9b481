import { connect } from 'node:net';
import { BulletinError } from '@bulletin/errors';
import { createLogger } from '@bulletin/runtime';
import { describe, expect, it } from 'vitest';
import {
  buildHttpServer,
  closeHttp,
  GoneError,
  listenHttp,
  type HttpPlugin,
  type Readiness,
} from './index.js';

const log = createLogger({ level: 'silent' });

const plugin: HttpPlugin = {
  name: 'sample',
  register(app) {
    app.get('/things/:id', async (request) => {
      const { id } = request.params as { id: string };
      if (id === 'gone') throw new GoneError('that thing was withdrawn');
      if (id === 'boom') throw new Error('secret internals');
      if (id === 'wire')
        throw new BulletinError('WIRE_EMPTY', 'wire payload is empty', { permanent: true });
      return { id };
    });
    app.post('/things', async () => ({ made: true }));
  },
};

const ready = async (): Promise<Readiness> => ({ ready: true, checks: { redis: true } });

describe('the HTTP server built from plugins', () => {
  it('serves plugin routes and maps errors without echoing the request', async () => {
    const app = await buildHttpServer({ plugins: [plugin], readiness: ready, log });
    expect((await app.inject('/things/a')).json()).toEqual({ id: 'a' });
    const gone = await app.inject('/things/gone');
    expect([gone.statusCode, gone.body]).toEqual([410, 'that thing was withdrawn\n']);
    const boom = await app.inject('/things/boom');
    expect([boom.statusCode, boom.body]).toEqual([500, 'internal error\n']);
    const wire = await app.inject('/things/wire');
    expect([wire.statusCode, wire.body]).toEqual([400, 'WIRE_EMPTY: wire payload is empty\n']);
    const missing = await app.inject('/<script>alert(1)</script>');
    expect([missing.statusCode, missing.body]).toEqual([404, 'not found\n']);
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    await app.close();
  });

  it('answers 405 with Allow for a known path and 414 for an over-long URL', async () => {
    const app = await buildHttpServer({ plugins: [plugin], readiness: ready, log });
    const wrong = await app.inject({ method: 'DELETE', url: '/things/a' });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers['allow']).toBe('GET, HEAD');
    expect((await app.inject({ method: 'PUT', url: '/things' })).headers['allow']).toBe('POST');
    expect((await app.inject({ method: 'HEAD', url: '/things/a' })).statusCode).toBe(200);
    const long = await app.inject(`/things/${'x'.repeat(5000)}`);
    expect([long.statusCode, long.body]).toEqual([414, 'request URI too long\n']);
    await app.close();
  });

  it('tells liveness from readiness, with the reason', async () => {
    let state: Readiness = { ready: true, checks: { redis: true, workers: true } };
    const app = await buildHttpServer({ plugins: [], readiness: async () => state, log });
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    state = {
      ready: false,
      checks: { redis: false, workers: true },
      reason: 'Redis does not answer',
    };
    const notReady = await app.inject('/readyz');
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toMatchObject({ status: 'not ready', reason: 'Redis does not answer' });
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    await app.close();
  });
});

describe('listening and closing on a real socket', () => {
  it('names a taken port', async () => {
    const first = await buildHttpServer({ plugins: [], readiness: ready, log });
    const address = new URL(await listenHttp(first, { host: '127.0.0.1', port: 0 }));
    const second = await buildHttpServer({ plugins: [], readiness: ready, log });
    await expect(
      listenHttp(second, { host: '127.0.0.1', port: Number(address.port) }),
    ).rejects.toMatchObject({
      code: 'HTTP_PORT_IN_USE',
      message: `port ${address.port} is in use`,
    });
    await second.close();
    await first.close();
  });

  it('closes within its grace even while a client holds a half-sent request', async () => {
    const app = await buildHttpServer({ plugins: [plugin], readiness: ready, log });
    const address = new URL(await listenHttp(app, { host: '127.0.0.1', port: 0 }));
    const socket = connect(Number(address.port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.resume();
    socket.write('POST /things HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part');
    const closedBy = new Promise<boolean>((resolve) => socket.once('close', () => resolve(true)));
    // Wait until the server holds the request: its route is waiting for the rest of the body.
    await expect
      .poll(() => new Promise((resolve) => app.server.getConnections((_e, n) => resolve(n))))
      .toBe(1);
    const started = Date.now();
    await closeHttp(app, 200);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await closedBy).toBe(true);
    expect(socket.destroyed).toBe(true);
  });
});
