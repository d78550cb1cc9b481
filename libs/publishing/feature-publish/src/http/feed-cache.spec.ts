import { describe, expect, it } from 'vitest';
import { FeedCache } from './feed-cache.js';

function counting(maxEntries: number) {
  const rendered: string[] = [];
  const cache = new FeedCache<string>({
    render: async (key) => {
      rendered.push(key);
      return `doc of ${key}`;
    },
    generation: async () => 1,
    maxEntries,
  });
  return { cache, rendered };
}

describe('FeedCache', () => {
  it('renders a document once and serves it from memory after', async () => {
    const { cache, rendered } = counting(4);
    expect(await cache.get('all|atom')).toBe('doc of all|atom');
    expect(await cache.get('all|atom')).toBe('doc of all|atom');
    expect(cache.peek('all|atom')).toBe('doc of all|atom');
    expect(rendered).toEqual(['all|atom']);
  });

  it('keeps at most maxEntries documents, dropping the least recently read', async () => {
    const { cache, rendered } = counting(2);
    await cache.get('all|atom|2');
    await cache.get('all|atom|3');
    await cache.get('all|atom|2'); // read again: now the most recent
    await cache.get('all|atom|4'); // drops page 3, the least recently read
    expect(cache.size).toBe(2);
    await cache.get('all|atom|2');
    await cache.get('all|atom|3');
    expect(rendered).toEqual(['all|atom|2', 'all|atom|3', 'all|atom|4', 'all|atom|3']);
    expect(cache.size).toBe(2);
  });
});
