import { isAsideLine, isChromeLine } from './text-chrome.js';
import { readLineMeta, readMeta, type LineMeta } from './text-meta.js';
import { endsWithColon, endsWithQuestion, endsWithSentence, hasWords } from './text-shape.js';

/** What a line of scraped text is, judged by its shape. */
export type UnitKind = 'meta' | 'aside' | 'chrome' | 'prose' | 'bullet' | 'title' | 'label';

/** One line (or re-joined paragraph) of scraped text and what it was judged to be. */
export interface TextUnit extends LineMeta {
  text: string;
  kind: UnitKind;
}

const LEAD_IN_MIN_WORDS = 3;
const HAS_LOWER = /\p{Ll}/u;
const HAS_ASCII_LOWER = /[a-z]/;
const TITLE_START = /^["'‘“(]?[\p{Lu}\d]/u;
const BULLET = /^(?:[-–•*▪●]|\d{1,2}[.)])\s+\S/;
const PROSE_MIN_WORDS = 4;
const TITLE_MIN_CHARS = 12;
const TITLE_MAX_CHARS = 250;
const TITLE_MAX_WORDS = 30;
const HEADLINE_MAX_WORDS = 25;
const INNER_SENTENCE_BREAK = /[.!?]["'”’]?\s+\p{Lu}/u;

// a-z answers for almost every line, far faster than the Unicode property.
function hasLower(text: string): boolean {
  return HAS_ASCII_LOWER.test(text) || HAS_LOWER.test(text);
}

/** False for lines that cannot be prose, judged by their last characters alone. */
export function mayBeProse(text: string): boolean {
  return endsWithSentence(text, true) || endsWithColon(text);
}

// The cheap end-of-line test runs first: most lines that are not prose fail it.
function isProse(text: string): boolean {
  if (endsWithSentence(text, true)) {
    return hasLower(text) && hasWords(text, PROSE_MIN_WORDS);
  }
  // "The plan includes:" introduces a list or a quote that belongs to the body.
  return endsWithColon(text) && hasLower(text) && hasWords(text, LEAD_IN_MIN_WORDS);
}

function isTitle(text: string): boolean {
  if (text.length < TITLE_MIN_CHARS || text.length > TITLE_MAX_CHARS) return false;
  if (text.endsWith(':') || !TITLE_START.test(text)) return false;
  return hasWords(text, 2) && !hasWords(text, TITLE_MAX_WORDS + 1);
}

function classifyShape(text: string): UnitKind {
  if (isAsideLine(text)) return 'aside';
  if (isChromeLine(text)) return 'chrome';
  if (BULLET.test(text)) return 'bullet';
  if (isProse(text)) return 'prose';
  return isTitle(text) ? 'title' : 'label';
}

/** Judges one unit of scraped text: metadata first, then furniture, then by shape. */
export function classifyUnit(text: string): TextUnit {
  const meta = readLineMeta(text);
  if (meta !== undefined) return { text, kind: 'meta', ...meta };
  return { text, kind: classifyShape(text) };
}

/** True for lines that are never part of a wrapped paragraph: dates, bylines, credits, furniture. */
export function standsAlone(line: string): boolean {
  return readMeta(line) !== undefined || isChromeLine(line) || isAsideLine(line);
}

/** One sentence short enough to be a headline. */
export function isHeadlineShaped(unit: TextUnit): boolean {
  return !hasWords(unit.text, HEADLINE_MAX_WORDS + 1) && !INNER_SENTENCE_BREAK.test(unit.text);
}

/** A headline-shaped question or exclamation: prose by punctuation, a headline by shape. */
export function isQuestionHeadline(unit: TextUnit): boolean {
  return unit.kind === 'prose' && endsWithQuestion(unit.text) && isHeadlineShaped(unit);
}
