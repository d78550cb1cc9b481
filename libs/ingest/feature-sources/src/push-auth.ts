import { createHash, timingSafeEqual } from 'node:crypto';
import type { PushSourceDefinition } from '@bulletin/config';
import { HttpError } from '@bulletin/http';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Matches bearer tokens to push sources in constant time (over digests of equal length). */
export interface PushAuth {
  /**
   * The source a request may push as.
   * @throws HttpError 401 without a bearer token, 403 with one that does not match, 404 (to a
   * valid token only) for a source that is not a push source.
   */
  authorise(authorization: string | undefined, sourceId: string | undefined): PushSourceDefinition;
}

export function createPushAuth(sources: readonly PushSourceDefinition[]): PushAuth {
  const keyed = sources.map((source) => ({ source, key: digest(source.token) }));
  return {
    authorise(authorization, sourceId) {
      const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
      if (!match?.[1]) {
        throw new HttpError(401, 'PUSH_UNAUTHENTICATED', 'a bearer token is required', {
          'www-authenticate': 'Bearer realm="bulletin ingest"',
        });
      }
      const presented = digest(match[1]);
      // Every key is compared, so the time taken says nothing about which one matched.
      let found: PushSourceDefinition | undefined;
      for (const { source, key } of keyed)
        if (timingSafeEqual(key, presented) && !found) found = source;
      const forbidden = new HttpError(
        403,
        'PUSH_FORBIDDEN',
        'the token does not allow pushing to this source',
      );
      if (!found) throw forbidden;
      // Only a caller holding a valid token learns whether another source id exists.
      if (sourceId !== undefined && found.id !== sourceId) {
        if (!sources.some((source) => source.id === sourceId)) {
          throw new HttpError(404, 'PUSH_UNKNOWN_SOURCE', 'no push source has that id');
        }
        throw forbidden;
      }
      return found;
    },
  };
}
