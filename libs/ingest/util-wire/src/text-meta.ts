import type { StoryImage } from '@bulletin/story';
import { mayHaveDateLabel, parseDateLine, type DateLine } from './parse-date-line.js';
import { parseBylineLine } from './text-byline.js';
import { isChromeLine } from './text-chrome.js';
import { parseImageLine } from './text-image-line.js';
import { hasWords } from './text-shape.js';

/** What a metadata line says: a date, a byline, an image caption or credit. */
export interface LineMeta {
  /** Set on lines that carry a date. */
  date?: DateLine;
  /** Set on lines that carry a byline. */
  byline?: string;
  /** Set on lines that are an image caption or credit. */
  image?: StoryImage;
}

const META_SEPARATOR = /\s+[|•·]\s+/;
const SEPARATED_META_MAX = 160;
const LABEL_MAX_WORDS = 3;
const MAY_HAVE_DIGIT = /\d/;

/** The date, byline or image a line is wholly about; undefined for any other line. */
export function readMeta(text: string): LineMeta | undefined {
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
function readSeparatedMeta(text: string): LineMeta | undefined {
  if (text.length > SEPARATED_META_MAX || !META_SEPARATOR.test(text)) return undefined;
  const parts = text.split(META_SEPARATOR);
  const meta: LineMeta = {};
  for (const part of parts) {
    const found = readMeta(part);
    if (found !== undefined) Object.assign(meta, { ...found, ...meta });
    else if (!isChromeLine(part) && hasWords(part, LABEL_MAX_WORDS + 1)) return undefined;
  }
  return meta.date === undefined && meta.byline === undefined ? undefined : meta;
}

/** Metadata of a line on its own or of a "By … | date | …" line; undefined for other lines. */
export function readLineMeta(text: string): LineMeta | undefined {
  return readMeta(text) ?? readSeparatedMeta(text);
}

/**
 * False for lines that cannot be metadata carrying a labelled date: every date is short, has
 * digits and, labelled, a label word, even inside a byline or a "By … | Published …" line.
 */
export function mayHaveLabelledDate(text: string): boolean {
  return text.length <= SEPARATED_META_MAX && MAY_HAVE_DIGIT.test(text) && mayHaveDateLabel(text);
}
