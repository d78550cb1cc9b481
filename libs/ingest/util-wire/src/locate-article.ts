import type { StoryImage } from '@bulletin/story';
import { isHeadlineShaped, isQuestionHeadline } from './classify-unit.js';
import { WireParseError } from './errors.js';
import { findBody } from './find-body.js';
import type { UnitList } from './unit-list.js';

/** What the text parser found, before it becomes a story. */
export interface Article {
  headline: string;
  paragraphs: string[];
  byline?: string;
  /** UTC ISO date the text says the article was published, if it says. */
  published?: string;
  /** UTC ISO date the text says the article was updated, if it says. */
  updated?: string;
  images: StoryImage[];
}

// How far above the body the headline may be, past date, byline, share buttons and labels.
const HEADLINE_REACH = 15;
// How far above the headline a date line or byline may still belong to the article.
const META_REACH = 6;
// How far below the body an unlabelled date, byline or credit may still belong to it.
const AFTER_BODY_REACH = 8;

interface HeadlineSearch {
  headline?: number;
  standfirst: number[];
}

/** Walks up from the body, past metadata and furniture and collecting a standfirst, to a title. */
function findHeadline(units: UnitList, start: number): HeadlineSearch {
  const standfirst: number[] = [];
  for (let index = start - 1; index >= 0 && index >= start - HEADLINE_REACH; index -= 1) {
    const unit = units.at(index);
    if (unit.kind === 'title') return { headline: index, standfirst };
    if (unit.kind !== 'prose') continue;
    // A question or exclamation is still a headline, not a standfirst.
    if (isQuestionHeadline(unit)) {
      return { headline: index, standfirst };
    }
    standfirst.unshift(index);
  }
  const top = standfirst[0];
  if (top !== undefined && isHeadlineShaped(units.at(top))) {
    return { headline: top, standfirst: standfirst.slice(1) };
  }
  return { standfirst };
}

/** Indexes of metadata units that belong to the article, in document order. */
function metaIndexes(units: UnitList, headline: number, lastParagraph: number): number[] {
  const found: number[] = [];
  for (let index = Math.max(0, headline - META_REACH); index < headline; index += 1) {
    const { kind } = units.at(index);
    if (kind === 'prose' || kind === 'title') found.length = 0;
    else if (kind === 'meta') found.push(index);
  }
  let index = headline + 1;
  // Below the body, metadata belongs to the article until furniture or until it is too far.
  for (; index < units.length; index += 1) {
    const unit = units.at(index);
    const far = index > lastParagraph + AFTER_BODY_REACH;
    if (index > lastParagraph && (unit.kind === 'chrome' || far)) break;
    if (unit.kind === 'meta') found.push(index);
  }
  // Unlabelled dates further down belong to teasers; "Published:" lines do not.
  for (; index < units.length; index += 1) if (units.hasLabelledDate(index)) found.push(index);
  return found;
}

function describeMeta(
  units: UnitList,
  indexes: readonly number[],
): Omit<Article, 'headline' | 'paragraphs'> {
  let byline: string | undefined;
  let published: string | undefined;
  let updated: string | undefined;
  const images: StoryImage[] = [];
  // The first of each kind wins; every image counts.
  for (const index of indexes) {
    const { byline: by, date, image } = units.at(index);
    byline ??= by;
    if (date?.role === 'published') published ??= date.iso;
    if (date?.role === 'updated') updated ??= date.iso;
    if (image !== undefined) images.push(image);
  }
  return {
    ...(byline === undefined ? {} : { byline }),
    ...(published === undefined ? {} : { published }),
    ...(updated === undefined ? {} : { updated }),
    images,
  };
}

/**
 * Locates the article in scraped text: the body (the longest prose run), the headline above it,
 * and the date, byline and image lines around them. Everything else is page furniture.
 * @throws WireParseError `WIRE_NO_BODY` when there is no prose, `WIRE_NO_HEADLINE` when nothing
 * title-like precedes the body.
 */
export function locateArticle(units: UnitList): Article {
  const body = findBody(units);
  if (body === undefined) {
    throw new WireParseError(
      'WIRE_NO_BODY',
      'no article body: the text has no paragraph of prose (sentences ending in . ! or ?)',
    );
  }
  const { headline, standfirst } = findHeadline(units, body.start);
  if (headline === undefined) {
    throw new WireParseError(
      'WIRE_NO_HEADLINE',
      'no headline: the text has no title-like line above its first paragraph of prose',
    );
  }
  const lastParagraph = body.paragraphs[body.paragraphs.length - 1] ?? body.start;
  return {
    headline: units.at(headline).text,
    paragraphs: [...standfirst, ...body.paragraphs].map((index) => units.at(index).text),
    ...describeMeta(units, metaIndexes(units, headline, lastParagraph)),
  };
}
