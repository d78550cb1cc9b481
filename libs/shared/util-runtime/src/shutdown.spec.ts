import { describe, expect, it } from 'vitest';
import { createLogger, createShutdown } from './index.js';

const log = createLogger({ level: 'silent' });

/** A shutdown whose exit resolves a promise, so tests wait on the exit, never on a timer. */
function observed(timeoutMs: number) {
  let exited: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => (exited = resolve));
  return { shutdown: createShutdown({ timeoutMs, log, exit: (code) => exited(code) }), exit };
}

describe('createShutdown', () => {
  it('runs phases in order and the steps of a phase together, past failures', async () => {
    const { shutdown, exit } = observed(1000);
    const order: string[] = [];
    let releaseSlow: () => void = () => undefined;
    shutdown.add('redis-server', () => void order.push('redis-server'), { phase: 'last' });
    shutdown.add('connections', () => void order.push('connections'));
    shutdown.add(
      'slow http',
      () =>
        new Promise<void>((resolve) => {
          order.push('http started');
          releaseSlow = () => {
            order.push('http done');
            resolve();
          };
        }),
      { phase: 'intake' },
    );
    shutdown.add(
      'workers',
      () => {
        order.push('workers');
        releaseSlow();
        throw new Error('boom');
      },
      { phase: 'intake' },
    );
    expect(await shutdown.run('test')).toBe(1);
    expect(order).toEqual(['http started', 'workers', 'http done', 'connections', 'redis-server']);
    expect(await exit).toBe(1);
  });

  it('is idempotent: a second call returns the first run', async () => {
    const { shutdown } = observed(1000);
    let calls = 0;
    shutdown.add('count', () => void (calls += 1));
    const [a, b] = await Promise.all([shutdown.run('one'), shutdown.run('two')]);
    expect([a, b, calls, shutdown.started]).toEqual([0, 0, 1, true]);
  });

  it('gives up on a step past its own bound and goes on with the next phase', async () => {
    const { shutdown } = observed(5000);
    const order: string[] = [];
    shutdown.add('hangs', () => new Promise<void>(() => undefined), {
      phase: 'intake',
      timeoutMs: 20,
    });
    shutdown.add('connections', () => void order.push('connections'));
    expect(await shutdown.run('test')).toBe(1);
    expect(order).toEqual(['connections']);
  });

  it('exits non-zero when a step outlives the deadline', async () => {
    const { shutdown, exit } = observed(20);
    shutdown.add('hangs', () => new Promise<void>(() => undefined));
    void shutdown.run('test');
    expect(await exit).toBe(1);
  });
});
