/** How many well-formed multi-byte UTF-8 sequences, and how many malformed ones, bytes hold. */
export interface Utf8Count {
  valid: number;
  invalid: number;
}

/** Length of the sequence a lead byte starts, 0 for a byte that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

/** Overlong forms, surrogates and code points past U+10FFFF, by their second byte. */
function secondByteAllowed(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0;
  if (lead === 0xed) return second < 0xa0;
  if (lead === 0xf0) return second >= 0x90;
  if (lead === 0xf4) return second < 0x90;
  return true;
}

/**
 * Counts UTF-8 sequences the way a decoder would meet them, to tell a UTF-8 file with a few
 * stray bytes (many valid, few invalid) from a legacy single-byte file (no valid ones at all).
 */
export function countUtf8(bytes: Uint8Array): Utf8Count {
  let valid = 0;
  let invalid = 0;
  let index = 0;
  const length = bytes.length;
  while (index < length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const size = sequenceLength(lead);
    let ok = size > 0 && secondByteAllowed(lead, bytes[index + 1] ?? 0);
    for (let offset = 1; ok && offset < size; offset += 1) {
      ok = isContinuation(bytes[index + offset]);
    }
    if (ok) {
      valid += 1;
      index += size;
    } else {
      invalid += 1;
      index += 1;
    }
  }
  return { valid, invalid };
}
