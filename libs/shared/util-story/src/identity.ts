import { createHash } from 'node:crypto';

/**
 * The stable URI of an item: `urn:bulletin:{sourceId}:{itemId}`. The same item from the same
 * source always gets the same URI, so a re-delivery is recognised.
 */
export function storyUri(sourceId: string, itemId: string): string {
  return `urn:bulletin:${encodeURIComponent(sourceId)}:${encodeURIComponent(itemId)}`;
}

/** The 20-character id used in paths and keys, derived from the URI alone. */
export function storyId(uri: string): string {
  return createHash('sha256').update(uri).digest('hex').slice(0, 20);
}

/** Short hex digest of the given parts, separated so that `['ab','c']` differs from `['a','bc']`. */
export function digest(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex').slice(0, 24);
}
