/**
 * @module @bulletin/wire
 * Wire format detection and parsing: scraped article text, plain-text wire copy, RSS 2.0/1.0,
 * Atom, IPTC ninjs 1.x/2.x, NITF 3.x and HTML article pages into validated stories, and the
 * fingerprints that find the same story from two sources. Pure: no I/O, no clock.
 */
export { parseWire } from './parse-wire.js';
export { detectFormat } from './detect-format.js';
export { sanitiseHtml } from './sanitise-html.js';
export { readWireDate, type WireDate } from './wire-date.js';
export {
  fingerprintStory,
  hammingDistance,
  DEFAULT_SIMHASH_THRESHOLD,
  type StoryFingerprint,
} from './fingerprint.js';
export { WireParseError, type WireErrorCode } from './errors.js';
export type { WireFormat, WireInput, WireLimits, WireRejection, WireResult } from './types.js';
