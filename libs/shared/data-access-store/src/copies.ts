import type { Story } from '@bulletin/story';

/** How cross-source copies are found: a story is compared with first versions this recent. */
export interface DuplicatePolicy {
  /** How far back (ms) a first version counts as the original of a copy. */
  windowMs: number;
  /** SimHash bits two texts may differ by and still be one story; 0: exact copies only. */
  maxBits: number;
}

/** A first version's fingerprint, as the fingerprint stream keeps it. */
export interface Fingerprint {
  /** Stream entry id (`ms-seq`): its order. */
  entry: string;
  /** When it arrived, epoch ms by the publisher's clock. */
  at: number;
  id: string;
  /** The first 16 hex of the text hash: enough to tell texts apart within a window. */
  text: string;
  simhash: string;
  source: string;
}

/** Bits set in a 32-bit integer. */
function ones(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The text and SimHash a story is compared by, or undefined when it carries none. */
export function copyKey(story: Story): { text: string; simhash: string } | undefined {
  if (story.textHash === undefined || story.simhash === undefined) return undefined;
  return { text: story.textHash.slice(0, 16), simhash: story.simhash };
}

/** `a` < `b` for stream entry ids. */
export function entryBefore(a: string, b: string): boolean {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am < bm || (am === bm && as < bs);
}

/**
 * The fingerprints of the first versions recorded within the window, oldest first, with an
 * exact-text lookup: a copy is found by one map lookup, a near copy by one pass of popcounts
 * over typed arrays (sources interned as numbers), a few nanoseconds an entry.
 */
export class RecentFingerprints {
  private his = new Int32Array(1024);
  private los = new Int32Array(1024);
  private origins = new Int32Array(1024);
  private ats = new Float64Array(1024);
  private ids: string[] = [];
  private texts: string[] = [];
  private head = 0;
  private size = 0;
  private readonly sources = new Map<string, number>();
  /** Texts held, each with how many entries carry it. */
  private readonly byText = new Map<string, number>();
  /** The newest entry held: everything up to it has been seen. */
  cursor: string;

  constructor(cursor = '0-0') {
    this.cursor = cursor;
  }

  private origin(source: string): number {
    let n = this.sources.get(source);
    if (n === undefined) this.sources.set(source, (n = this.sources.size + 1));
    return n;
  }

  private grow(): void {
    const live = this.size - this.head;
    const capacity = Math.max(1024, live * 2);
    const move = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
      to.set(from.subarray(this.head, this.size));
      return to;
    };
    this.his = move(this.his, new Int32Array(capacity));
    this.los = move(this.los, new Int32Array(capacity));
    this.origins = move(this.origins, new Int32Array(capacity));
    this.ats = move(this.ats, new Float64Array(capacity));
    this.ids = this.ids.slice(this.head, this.size);
    this.texts = this.texts.slice(this.head, this.size);
    this.size = live;
    this.head = 0;
  }

  /** Takes entries newer than the cursor, in order; older ones were seen already. */
  add(entries: readonly Fingerprint[]): void {
    for (const entry of entries) {
      if (!entryBefore(this.cursor, entry.entry)) continue;
      if (this.size === this.his.length) this.grow();
      const at = this.size;
      this.his[at] = Number.parseInt(entry.simhash.slice(0, 8), 16) | 0;
      this.los[at] = Number.parseInt(entry.simhash.slice(8, 16), 16) | 0;
      this.origins[at] = this.origin(entry.source);
      this.ats[at] = entry.at;
      this.ids[at] = entry.id;
      this.texts[at] = entry.text;
      this.size += 1;
      this.byText.set(entry.text, (this.byText.get(entry.text) ?? 0) + 1);
      this.cursor = entry.entry;
    }
  }

  /** Drops what arrived before `since` (epoch ms); the stream is in arrival order, near enough. */
  forget(since: number): void {
    while (this.head < this.size && (this.ats[this.head] as number) < since) {
      const text = this.texts[this.head] as string;
      const left = (this.byText.get(text) ?? 1) - 1;
      if (left > 0) this.byText.set(text, left);
      else this.byText.delete(text);
      this.head += 1;
    }
  }

  /** The first story from another source that `key` copies, exactly or within `maxBits`. */
  find(
    key: { text: string; simhash: string },
    id: string,
    source: string,
    maxBits: number,
  ): string | undefined {
    const mine = this.origin(source);
    const { his, los, origins, ids } = this;
    if (this.byText.has(key.text)) {
      for (let i = this.head; i < this.size; i += 1) {
        if (this.texts[i] === key.text && origins[i] !== mine && ids[i] !== id) return ids[i];
      }
    }
    if (maxBits <= 0) return undefined;
    const hi = Number.parseInt(key.simhash.slice(0, 8), 16) | 0;
    const lo = Number.parseInt(key.simhash.slice(8, 16), 16) | 0;
    for (let i = this.head; i < this.size; i += 1) {
      if (origins[i] === mine) continue;
      if (ones((his[i] as number) ^ hi) + ones((los[i] as number) ^ lo) <= maxBits) {
        if (ids[i] !== id) return ids[i];
      }
    }
    return undefined;
  }
}
