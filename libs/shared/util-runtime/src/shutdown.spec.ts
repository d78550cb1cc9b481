import { describe, expect, it } from 'vitest';
import { createLogger, createShutdown } from './index.js';

const log = createLogger({ level: 'silent' });

describe('createShutdown', () => {
  it('runs steps in reverse order, keeps going past a failure and reports it', async () => {
    const order: string[] = [];
    const exits: number[] = [];
    const shutdown = createShutdown({ timeoutMs: 1000, log, exit: (code) => exits.push(code) });
    shutdown.add('redis', () => void order.push('redis'));
    shutdown.add('workers', () => {
      order.push('workers');
      throw new Error('boom');
    });
    shutdown.add('http', async () => void order.push('http'));
    expect(await shutdown.run('test')).toBe(1);
    expect(order).toEqual(['http', 'workers', 'redis']);
    expect(exits).toEqual([1]);
  });

  it('is idempotent: a second call returns the first run', async () => {
    let calls = 0;
    const shutdown = createShutdown({ timeoutMs: 1000, log, exit: () => undefined });
    shutdown.add('count', () => void (calls += 1));
    const [a, b] = await Promise.all([shutdown.run('one'), shutdown.run('two')]);
    expect([a, b, calls, shutdown.started]).toEqual([0, 0, 1, true]);
  });

  it('exits non-zero when a step outlives the deadline', async () => {
    const exits: number[] = [];
    const shutdown = createShutdown({ timeoutMs: 20, log, exit: (code) => exits.push(code) });
    shutdown.add('hangs', () => new Promise<void>(() => undefined));
    void shutdown.run('test');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(exits).toEqual([1]);
  });
});
