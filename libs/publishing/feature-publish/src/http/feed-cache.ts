/**
 * Rendered feed documents kept in this process, so a request for an unchanged feed costs no
 * Redis round trip. Stale entries are learned of from the store's change announcements and
 * re-rendered after a short pause, so a burst of publications costs a few renders, not one
 * each; readers get the previous document meanwhile. A safety check bounds how stale an entry
 * can be if an announcement was missed. At most `maxEntries` documents are kept, the least
 * recently read going first, so a crawler walking every archive page cannot grow the process
 * without bound.
 */
export interface FeedCacheOptions<T> {
  /** Renders the document for a cache key; the feed key is the part before the first `|`. */
  render(key: string): Promise<T>;
  /** The generation of a feed now (one Redis round trip), for the safety check. */
  generation(feed: string): Promise<number>;
  /** How long announcements of one burst are gathered before re-rendering. @defaultValue 250 */
  coalesceMs?: number;
  /** After this long an entry's generation is checked in the background. @defaultValue 30000 */
  checkAfterMs?: number;
  /** Documents kept; past it the least recently read is dropped. @defaultValue 512 */
  maxEntries?: number;
  now?: () => number;
  onError?: (error: unknown, key: string) => void;
}

interface Entry<T> {
  doc: Promise<T>;
  /** The feed's generation when the render began. */
  generation: number;
  checkedAt: number;
  dirty: boolean;
  /** Order of renders of one key: a later render always wins over an earlier one. */
  seq: number;
  /** The document once rendered, for callers that can answer without waiting. */
  value?: T;
}

export class FeedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private renders = 0;
  private readonly coalesceMs: number;
  private readonly checkAfterMs: number;
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(private readonly options: FeedCacheOptions<T>) {
    this.coalesceMs = options.coalesceMs ?? 250;
    this.checkAfterMs = options.checkAfterMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 512;
  }

  /** How many documents are kept. */
  get size(): number {
    return this.entries.size;
  }

  /** The cached document, rendering it on first use. */
  get(key: string): Promise<T> {
    const entry = this.entries.get(key);
    if (!entry) return this.load(key).doc;
    this.touch(key, entry);
    if (!entry.dirty && this.now() - entry.checkedAt > this.checkAfterMs) this.check(key, entry);
    return entry.doc;
  }

  /** The document if it is rendered already (the hot path: no promise to wait on). */
  peek(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry?.value) return undefined;
    this.touch(key, entry);
    if (!entry.dirty && this.now() - entry.checkedAt > this.checkAfterMs) this.check(key, entry);
    return entry.value;
  }

  /** Marks the documents of these feeds stale; they re-render together after the pause. */
  invalidate(feeds: readonly string[]): void {
    for (const [key, entry] of this.entries) {
      if (!feeds.includes(feedOf(key))) continue;
      entry.dirty = true;
      this.pending.add(key);
    }
    this.schedule();
  }

  /** Everything is suspect (the announcement channel was lost): re-check every entry. */
  invalidateAll(): void {
    this.invalidate([...new Set([...this.entries.keys()].map(feedOf))]);
  }

  /** Drops every entry and timer. */
  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.entries.clear();
    this.pending.clear();
  }

  /** Moves an entry to the most recently read end of the map's order. */
  private touch(key: string, entry: Entry<T>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private load(key: string): Entry<T> {
    const entry = this.start(key);
    this.entries.set(key, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
      this.pending.delete(oldest);
    }
    // A failed render must not be served to the next reader.
    entry.doc.catch((error: unknown) => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      this.options.onError?.(error, key);
    });
    return entry;
  }

  private start(key: string): Entry<T> {
    const entry = {
      generation: -1,
      checkedAt: this.now(),
      dirty: false,
      seq: ++this.renders,
    } as Entry<T>;
    // The generation is read first: a change during the render leaves the entry one behind,
    // never ahead, so the next check catches it.
    entry.doc = this.options.generation(feedOf(key)).then(async (generation) => {
      entry.generation = generation;
      entry.value = await this.options.render(key);
      return entry.value;
    });
    return entry;
  }

  private schedule(): void {
    if (this.timer || this.pending.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const keys = [...this.pending];
      this.pending.clear();
      for (const key of keys) this.refresh(key);
    }, this.coalesceMs);
    this.timer.unref();
  }

  /** Re-renders in the background; the old document is served until the new one is ready. */
  private refresh(key: string): void {
    const next = this.start(key);
    next.doc.then(
      () => {
        // An entry dropped meanwhile stays dropped; its next reader renders it afresh.
        const current = this.entries.get(key);
        if (current && current.seq < next.seq) this.entries.set(key, next);
      },
      (error: unknown) => {
        const current = this.entries.get(key);
        if (current) current.dirty = false;
        this.options.onError?.(error, key);
      },
    );
  }

  private check(key: string, entry: Entry<T>): void {
    entry.checkedAt = this.now();
    this.options.generation(feedOf(key)).then(
      (generation) => {
        if (generation !== entry.generation) this.invalidate([feedOf(key)]);
      },
      (error: unknown) => this.options.onError?.(error, key),
    );
  }
}

function feedOf(key: string): string {
  const bar = key.indexOf('|');
  return bar === -1 ? key : key.slice(0, bar);
}
