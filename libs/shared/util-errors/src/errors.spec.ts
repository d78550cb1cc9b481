import { describe, expect, it } from 'vitest';
import { BulletinError, describeError, isPermanentError } from './index.js';

describe('errors', () => {
  it('carry a code, a cause and whether a retry can help', () => {
    const cause = new Error('socket closed');
    const error = new BulletinError('STORE_DOWN', 'cannot reach the store', { cause });
    expect([error.code, error.cause, error.permanent, isPermanentError(error)]).toEqual([
      'STORE_DOWN',
      cause,
      false,
      false,
    ]);
    expect(describeError(error)).toBe('STORE_DOWN: cannot reach the store');
  });

  it('refuse an empty message', () => {
    expect(() => new BulletinError('X', '  ')).toThrow(/needs a message/);
  });
});
