import { createHash } from 'node:crypto';

/** What finds the same story from two sources: an exact and a near-copy fingerprint. */
export interface StoryFingerprint {
  /** SHA-256 (hex) of the normalised text: equal for an exact copy, whatever its layout. */
  textHash: string;
  /** 64-bit SimHash over word shingles, 16 hex characters: close for a near copy. */
  simhash: string;
}

/** Words per shingle: pairs of words, the best precision and recall on the duplicates corpus. */
export const SHINGLE_WORDS = 2;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * SimHashes within this many bits are the same story: on the duplicates corpus the nearest
 * different stories on the same subject were 21 bits apart, and a truncated or agency-rewrapped
 * copy at most 16.
 */
export const DEFAULT_SIMHASH_THRESHOLD = 18;

/**
 * Text as compared for duplicates: NFKC, lower case, every run of punctuation and space one
 * space. Quotes, dashes, line breaks and entity spellings no longer tell two copies apart.
 */
export function normaliseForFingerprint(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NOT_WORD, ' ').trim();
}

function fnv1a(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index += 1) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finaliser: every input bit reaches every output bit. */
function mix(value: number): number {
  let hash = value >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

function addBits(counts: Int32Array, offset: number, bits: number): void {
  for (let bit = 0; bit < 32; bit += 1) {
    const at = offset + bit;
    counts[at] = (counts[at] as number) + ((bits >>> bit) & 1 ? 1 : -1);
  }
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/** 64-bit SimHash (Charikar) of the words' shingles, as 16 hex characters. */
export function simhashWords(words: readonly string[], shingle = SHINGLE_WORDS): string {
  const hashes = words.map(fnv1a);
  const counts = new Int32Array(64);
  const size = Math.min(shingle, hashes.length);
  for (let start = 0; start + size <= hashes.length && size > 0; start += 1) {
    let combined = 0x9e3779b9;
    for (let offset = 0; offset < size; offset += 1) {
      combined = mix(combined ^ (hashes[start + offset] as number));
    }
    addBits(counts, 0, combined);
    addBits(counts, 32, mix(combined ^ 0x27d4eb2f));
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit += 1) {
    if ((counts[32 + bit] as number) > 0) high |= 1 << bit;
    if ((counts[bit] as number) > 0) low |= 1 << bit;
  }
  return hex32(high) + hex32(low);
}

/**
 * Fingerprints a story's text for duplicate detection across sources.
 * @example fingerprintStory('The council agreed.') // { textHash: '…64 hex…', simhash: '…16 hex…' }
 */
export function fingerprintStory(text: string): StoryFingerprint {
  const normal = normaliseForFingerprint(text);
  return {
    textHash: createHash('sha256').update(normal).digest('hex'),
    simhash: simhashWords(normal === '' ? [] : normal.split(' ')),
  };
}

function popcount(value: number): number {
  let bits = value >>> 0;
  bits -= (bits >>> 1) & 0x55555555;
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Bits in which two 64-bit SimHashes (16 hex characters each) differ, 0..64.
 * @throws RangeError when either is not 16 hex characters.
 */
export function hammingDistance(a: string, b: string): number {
  const hex = /^[0-9a-f]{16}$/i;
  if (!hex.test(a) || !hex.test(b)) throw new RangeError('a SimHash is 16 hex characters');
  const half = (value: string, from: number) => Number.parseInt(value.slice(from, from + 8), 16);
  return popcount(half(a, 0) ^ half(b, 0)) + popcount(half(a, 8) ^ half(b, 8));
}
