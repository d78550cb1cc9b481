import { Writable } from 'node:stream';
import { BulletinError } from '@bulletin/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { runMain } from './index.js';

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('runMain', () => {
  it('prints a known failure as one line with its code and exits non-zero', async () => {
    const err = capture();
    runMain(
      () => Promise.reject(new BulletinError('CONFIG_INVALID', 'PORT must be a whole number')),
      err.stream,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(err.text()).toBe('bulletin: CONFIG_INVALID: PORT must be a whole number\n');
    expect(process.exitCode).toBe(1);
  });

  it('prints the stack of an unexpected failure', async () => {
    const err = capture();
    runMain(() => Promise.reject(new TypeError('boom')), err.stream);
    await new Promise((resolve) => setImmediate(resolve));
    expect(err.text()).toMatch(/^bulletin: TypeError: boom\n\s+at /);
    expect(process.exitCode).toBe(1);
  });

  it('leaves the exit code alone when main succeeds', async () => {
    const err = capture();
    runMain(async () => undefined, err.stream);
    await new Promise((resolve) => setImmediate(resolve));
    expect([err.text(), process.exitCode]).toEqual(['', undefined]);
  });
});
