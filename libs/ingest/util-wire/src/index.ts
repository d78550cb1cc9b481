/**
 * @module @bulletin/wire
 * Wire format detection and parsing: scraped article text, plain-text wire copy, RSS 2.0/1.0 and
 * Atom into validated stories. Pure: no I/O, no clock.
 */
export { parseWire } from './parse-wire.js';
export { detectFormat } from './detect-format.js';
export { sanitiseHtml } from './sanitise-html.js';
export { WireParseError, type WireErrorCode } from './errors.js';
export type { WireFormat, WireInput, WireRejection, WireResult } from './types.js';
