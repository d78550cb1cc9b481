import type { StoryImage } from '@bulletin/story';
import { parseBylineLine } from './text-byline.js';
import { isAsideLine, isChromeLine } from './text-chrome.js';
import { parseDateLine, type DateLine } from './parse-date-line.js';
import { parseImageLine } from './text-image-line.js';

/** What a line of scraped text is, judged by its shape. */
export type UnitKind = 'meta' | 'aside' | 'chrome' | 'prose' | 'bullet' | 'title' | 'label';

/** One line (or re-joined paragraph) of scraped text and what it was judged to be. */
export interface TextUnit {
  text: string;
  kind: UnitKind;
  words: number;
  /** Set on `meta` units that carry a date. */
  date?: DateLine;
  /** Set on `meta` units that carry a byline. */
  byline?: string;
  /** Set on `meta` units that are an image caption or credit. */
  image?: StoryImage;
}

const WORD = /\S+/g;
const ENDS_SENTENCE = /[.!?]["'”’)\]]*$/;
const LEAD_IN = /:["'”’]?$/;
const LEAD_IN_MIN_WORDS = 3;
const HAS_LOWER = /\p{Ll}/u;
const TITLE_START = /^["'‘“(]?[\p{Lu}\d]/u;
const BULLET = /^(?:[-–•*▪●]|\d{1,2}[.)])\s+\S/;
const META_SEPARATOR = /\s+[|•·]\s+/;
const PROSE_MIN_WORDS = 4;
const TITLE_MIN_CHARS = 12;
const TITLE_MAX_CHARS = 250;
const TITLE_MAX_WORDS = 30;
const LABEL_MAX_WORDS = 3;
const SEPARATED_META_MAX = 160;
const HEADLINE_MAX_WORDS = 25;
const QUESTION_OR_EXCLAMATION = /[?!]["'”’]?$/;
const INNER_SENTENCE_BREAK = /[.!?]["'”’]?\s+\p{Lu}/u;

type Meta = Pick<TextUnit, 'date' | 'byline' | 'image'>;

function readMeta(text: string): Meta | undefined {
  const image = parseImageLine(text);
  if (image !== undefined) return { image };
  const date = parseDateLine(text);
  if (date !== undefined) return { date };
  const byline = parseBylineLine(text);
  if (byline === undefined) return undefined;
  const roleDate = byline.role === undefined ? undefined : parseDateLine(byline.role);
  if (roleDate !== undefined) return { byline: byline.name, date: roleDate };
  return { byline: byline.role === undefined ? byline.name : `${byline.name}, ${byline.role}` };
}

/** "By Jane Smith | 18 Nov 2014 | 3 min read": every part metadata or furniture. */
function readSeparatedMeta(text: string): Meta | undefined {
  const parts = text.split(META_SEPARATOR);
  if (parts.length < 2 || text.length > SEPARATED_META_MAX) return undefined;
  const meta: Meta = {};
  for (const part of parts) {
    const found = readMeta(part);
    if (found !== undefined) Object.assign(meta, { ...found, ...meta });
    else if (!isChromeLine(part) && (part.match(WORD)?.length ?? 0) > LABEL_MAX_WORDS)
      return undefined;
  }
  return meta.date === undefined && meta.byline === undefined ? undefined : meta;
}

function isProse(text: string, words: number): boolean {
  if (!HAS_LOWER.test(text)) return false;
  if (ENDS_SENTENCE.test(text)) return words >= PROSE_MIN_WORDS;
  // "The plan includes:" introduces a list or a quote that belongs to the body.
  return LEAD_IN.test(text) && words >= LEAD_IN_MIN_WORDS;
}

function classifyShape(text: string, words: number): UnitKind {
  if (isAsideLine(text)) return 'aside';
  if (isChromeLine(text)) return 'chrome';
  if (BULLET.test(text)) return 'bullet';
  if (isProse(text, words)) return 'prose';
  const titleSized = text.length >= TITLE_MIN_CHARS && text.length <= TITLE_MAX_CHARS;
  if (
    titleSized &&
    words >= 2 &&
    words <= TITLE_MAX_WORDS &&
    TITLE_START.test(text) &&
    !text.endsWith(':')
  ) {
    return 'title';
  }
  return 'label';
}

/** Judges one unit of scraped text: metadata first, then furniture, then by shape. */
export function classifyUnit(text: string): TextUnit {
  const words = text.match(WORD)?.length ?? 0;
  const meta = readMeta(text) ?? readSeparatedMeta(text);
  if (meta !== undefined) return { text, kind: 'meta', words, ...meta };
  return { text, kind: classifyShape(text, words), words };
}

/** True for lines that are never part of a wrapped paragraph: dates, bylines, credits, furniture. */
export function standsAlone(line: string): boolean {
  return readMeta(line) !== undefined || isChromeLine(line) || isAsideLine(line);
}

/** One sentence short enough to be a headline. */
export function isHeadlineShaped(unit: TextUnit): boolean {
  return unit.words <= HEADLINE_MAX_WORDS && !INNER_SENTENCE_BREAK.test(unit.text);
}

/** A headline-shaped question or exclamation: prose by punctuation, a headline by shape. */
export function isQuestionHeadline(unit: TextUnit): boolean {
  return unit.kind === 'prose' && QUESTION_OR_EXCLAMATION.test(unit.text) && isHeadlineShaped(unit);
}
