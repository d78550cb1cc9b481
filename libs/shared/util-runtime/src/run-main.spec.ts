import { Writable } from 'node:stream';
import { BulletinError } from '@bulletin/errors';
import { describe, expect, it } from 'vitest';
import { runMain } from './index.js';

function capture() {
  let text = '';
  const exits: number[] = [];
  const stderr = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    options: { stderr, exit: (code: number) => void exits.push(code) },
    text: () => text,
    exits,
  };
}

describe('runMain', () => {
  it('prints a known failure as one line with its code and exits 1', async () => {
    const run = capture();
    await runMain(
      () => Promise.reject(new BulletinError('CONFIG_INVALID', 'PORT must be a whole number')),
      run.options,
    );
    expect(run.text()).toBe('bulletin: CONFIG_INVALID: PORT must be a whole number\n');
    expect(run.exits).toEqual([1]);
  });

  it('prints the stack of an unexpected failure', async () => {
    const run = capture();
    await runMain(() => Promise.reject(new TypeError('boom')), run.options);
    expect(run.text()).toMatch(/^bulletin: TypeError: boom\n\s+at /);
    expect(run.exits).toEqual([1]);
  });

  it('neither prints nor exits when main succeeds', async () => {
    const run = capture();
    await runMain(async () => undefined, run.options);
    expect([run.text(), run.exits]).toEqual(['', []]);
  });
});
