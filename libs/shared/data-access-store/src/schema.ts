import { BulletinError } from '@bulletin/errors';
import type { Redis } from '@bulletin/redis';
import type { StoreKeys } from './keys.js';

/**
 * The version of the key scheme and record layout this code reads and writes. A change that
 * needs existing data rewritten bumps it and ships a migration; a process never reads data of
 * a version it does not know.
 */
export const SCHEMA_VERSION = 2;

/** Data under the prefix was written by another version of bulletin. */
export class SchemaMismatchError extends BulletinError {
  constructor(message: string) {
    super('STORE_SCHEMA_MISMATCH', message, { permanent: true });
  }
}

/**
 * Checks the schema version stored under the prefix, recording it on an empty store.
 * @throws SchemaMismatchError when the data is of another version, saying what to do.
 */
export async function ensureSchema(redis: Redis, keys: StoreKeys, prefix: string): Promise<void> {
  const stored = await redis.get(keys.schema);
  if (stored === String(SCHEMA_VERSION)) return;
  if (stored !== null) {
    throw new SchemaMismatchError(
      `the data under prefix "${prefix}" has schema ${stored}, this bulletin reads schema ${SCHEMA_VERSION}; ` +
        'run the bulletin that wrote it, or point BULLETIN_PREFIX elsewhere',
    );
  }
  // Schema 1 (bulletin 0.1) kept no version key; its story index was `{prefix}:story-versions`.
  if ((await redis.exists(`${prefix}:story-versions`)) === 1) {
    throw new SchemaMismatchError(
      `the data under prefix "${prefix}" was written by bulletin 0.1 (schema 1); ` +
        're-ingest its wire files under a new BULLETIN_PREFIX, then delete the old keys',
    );
  }
  await redis.set(keys.schema, String(SCHEMA_VERSION), 'NX');
}
