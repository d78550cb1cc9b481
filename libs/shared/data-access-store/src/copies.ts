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

interface Held extends Fingerprint {
  hi: number;
  lo: number;
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
 * exact-text lookup: a copy is found by one map lookup, a near copy by one pass of popcounts.
 */
export class RecentFingerprints {
  private held: Held[] = [];
  private head = 0;
  /** Texts held, each with how many entries carry it. */
  private readonly byText = new Map<string, number>();
  /** The newest entry held: everything up to it has been seen. */
  cursor: string;

  constructor(cursor = '0-0') {
    this.cursor = cursor;
  }

  /** Takes entries newer than the cursor, in order; older ones were seen already. */
  add(entries: readonly Fingerprint[]): void {
    for (const entry of entries) {
      if (!entryBefore(this.cursor, entry.entry)) continue;
      const hi = Number.parseInt(entry.simhash.slice(0, 8), 16) | 0;
      const lo = Number.parseInt(entry.simhash.slice(8, 16), 16) | 0;
      this.held.push({ ...entry, hi, lo });
      this.byText.set(entry.text, (this.byText.get(entry.text) ?? 0) + 1);
      this.cursor = entry.entry;
    }
  }

  /** Drops what arrived before `since` (epoch ms); the stream is in arrival order, near enough. */
  forget(since: number): void {
    while (this.head < this.held.length && (this.held[this.head] as Held).at < since) {
      const old = this.held[this.head] as Held;
      const left = (this.byText.get(old.text) ?? 1) - 1;
      if (left > 0) this.byText.set(old.text, left);
      else this.byText.delete(old.text);
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.held.length) {
      this.held = this.held.slice(this.head);
      this.head = 0;
    }
  }

  /** The first story from another source that `key` copies, exactly or within `maxBits`. */
  find(
    key: { text: string; simhash: string },
    id: string,
    source: string,
    maxBits: number,
  ): string | undefined {
    if (this.byText.has(key.text)) {
      for (let i = this.head; i < this.held.length; i += 1) {
        const entry = this.held[i] as Held;
        if (entry.text === key.text && entry.source !== source && entry.id !== id) return entry.id;
      }
    }
    if (maxBits <= 0) return undefined;
    const hi = Number.parseInt(key.simhash.slice(0, 8), 16) | 0;
    const lo = Number.parseInt(key.simhash.slice(8, 16), 16) | 0;
    for (let i = this.head; i < this.held.length; i += 1) {
      const entry = this.held[i] as Held;
      if (entry.source === source || entry.id === id) continue;
      if (ones(entry.hi ^ hi) + ones(entry.lo ^ lo) <= maxBits) return entry.id;
    }
    return undefined;
  }
}
