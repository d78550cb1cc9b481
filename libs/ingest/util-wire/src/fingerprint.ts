/** What finds the same story from two sources: an exact and a near-copy fingerprint. */
export interface StoryFingerprint {
  /**
   * 64-bit hash (16 hex) of the normalised text's words: equal for an exact copy, whatever its
   * layout. (Stories fingerprinted by earlier releases carry a 64-hex SHA-256, of which 16 are compared.)
   */
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

/**
 * murmur3's finaliser: every input bit reaches every output bit. Kept in signed 32 bits (`| 0`),
 * which V8 holds unboxed; the bits are those of the unsigned result.
 */
function mix(value: number): number {
  let hash = value | 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/**
 * Per-bit counts of ones over many 32-bit values, bit-sliced: plane k holds bit k of every
 * position's count, so adding a value is a ripple of ANDs and XORs (two steps on average)
 * instead of 32 increments. Two counters (low and high halves of the SimHash) side by side.
 */
const lowPlanes = new Int32Array(32);
const highPlanes = new Int32Array(32);

function addTo(planes: Int32Array, value: number): void {
  let carry = value;
  for (let k = 0; carry !== 0; k += 1) {
    const plane = planes[k] as number;
    planes[k] = plane ^ carry;
    carry &= plane;
  }
}

/** The bits set in more than half of `total` values: a bit-sliced `count > total / 2`. */
function majority(planes: Int32Array, total: number): number {
  const half = Math.floor(total / 2);
  let greater = 0;
  let equal = -1;
  for (let k = 31; k >= 0; k -= 1) {
    const limit = (half >>> k) & 1 ? -1 : 0;
    const plane = planes[k] as number;
    greater |= equal & plane & ~limit;
    equal &= ~(plane ^ limit);
  }
  return greater;
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/** 64-bit SimHash (Charikar) of the words' shingles, as 16 hex characters. */
export function simhashWords(words: readonly string[], shingle = SHINGLE_WORDS): string {
  const hashes = Int32Array.from(words, fnv1a);
  return simhashOf(hashes, hashes.length, shingle);
}

/** The SimHash of the first `count` word hashes. */
function simhashOf(hashes: Int32Array, count: number, shingle: number): string {
  lowPlanes.fill(0);
  highPlanes.fill(0);
  const size = Math.min(shingle, count);
  let total = 0;
  for (let start = 0; start + size <= count && size > 0; start += 1) {
    let combined = 0x9e3779b9 | 0;
    for (let offset = 0; offset < size; offset += 1) {
      combined = mix(combined ^ (hashes[start + offset] as number));
    }
    addTo(lowPlanes, combined);
    addTo(highPlanes, mix(combined ^ 0x27d4eb2f));
    total += 1;
  }
  return hex32(majority(highPlanes, total)) + hex32(majority(lowPlanes, total));
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const wordChars = new Map<number, boolean>();
/** ASCII letters and digits, by code unit. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) ? 1 : 0,
);

/** Whether a code point is a letter or digit, as `NOT_WORD` decides; ASCII without a lookup. */
function isWordChar(code: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1;
  let known = wordChars.get(code);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(code));
    if (wordChars.size < 65_536) wordChars.set(code, known);
  }
  return known;
}

/** Word hashes of the text being fingerprinted; grown, never shrunk (fingerprinting is sync). */
let wordHashes = new Int32Array(4096);

/**
 * One pass over {@link normaliseForFingerprint}'s text: each word's FNV-1a hash into
 * `wordHashes`, and the text hash chained over them (two murmur-mixed lanes, then the count).
 * No regular expression, no word strings. Returns the number of words.
 */
function scanWords(text: string, lanes: Int32Array): number {
  const lower = text.normalize('NFKC').toLowerCase();
  const length = lower.length;
  let hashes = wordHashes;
  let count = 0;
  let inWord = false;
  let hash = 0;
  let a = 0x2545f491;
  let b = 0x6c8e9cf5;
  // One step past the end, as if the text ended in a space, so the last word ends in the loop.
  for (let index = 0; index <= length; index++) {
    const unit = index < length ? lower.charCodeAt(index) : 32;
    let word: boolean;
    let low = -1;
    if (unit < 128) word = ASCII_WORD[unit] === 1;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < length) {
      const next = lower.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        low = next;
        word = isWordChar(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
      } else word = isWordChar(unit);
    } else word = isWordChar(unit);
    if (word) {
      if (!inWord) {
        inWord = true;
        hash = 0x811c9dc5 | 0;
      }
      hash = Math.imul(hash ^ unit, 0x01000193);
      if (low >= 0) hash = Math.imul(hash ^ low, 0x01000193);
    } else if (inWord) {
      if (count === hashes.length) {
        const grown = new Int32Array(count * 2);
        grown.set(hashes);
        hashes = wordHashes = grown;
      }
      hashes[count++] = hash;
      a = mix(a ^ hash);
      b = mix(Math.imul(b, 0x01000193) ^ hash ^ 0x5bd1e995);
      inWord = false;
    }
    if (low >= 0) index++;
  }
  lanes[0] = mix(a ^ count);
  lanes[1] = mix(b ^ Math.imul(count, 0x9e3779b1));
  return count;
}

const lanes = new Int32Array(2);

/**
 * Fingerprints a story's text for duplicate detection across sources.
 * @example fingerprintStory('The council agreed.') // { textHash: '…16 hex…', simhash: '…16 hex…' }
 */
export function fingerprintStory(text: string): StoryFingerprint {
  const count = scanWords(text, lanes);
  return {
    textHash: hex32(lanes[0] as number) + hex32(lanes[1] as number),
    simhash: simhashOf(wordHashes, count, SHINGLE_WORDS),
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
