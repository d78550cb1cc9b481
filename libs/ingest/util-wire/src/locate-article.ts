import type { StoryImage } from '@bulletin/story';
import { isHeadlineShaped, isQuestionHeadline, type TextUnit } from './classify-unit.js';
import { WireParseError } from './errors.js';
import { findBody } from './find-body.js';

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
function findHeadline(units: readonly TextUnit[], start: number): HeadlineSearch {
  const standfirst: number[] = [];
  for (let index = start - 1; index >= 0 && index >= start - HEADLINE_REACH; index -= 1) {
    const unit = units[index] as TextUnit;
    if (unit.kind === 'title') return { headline: index, standfirst };
    if (unit.kind !== 'prose') continue;
    // A question or exclamation is still a headline, not a standfirst.
    if (isQuestionHeadline(unit)) {
      return { headline: index, standfirst };
    }
    standfirst.unshift(index);
  }
  const top = standfirst[0];
  if (top !== undefined && isHeadlineShaped(units[top] as TextUnit)) {
    return { headline: top, standfirst: standfirst.slice(1) };
  }
  return { standfirst };
}

/** Indexes of metadata units that belong to the article, in document order. */
function metaIndexes(
  units: readonly TextUnit[],
  headline: number,
  lastParagraph: number,
): number[] {
  const found: number[] = [];
  for (let index = Math.max(0, headline - META_REACH); index < headline; index += 1) {
    const unit = units[index] as TextUnit;
    if (unit.kind === 'prose' || unit.kind === 'title') found.length = 0;
    else if (unit.kind === 'meta') found.push(index);
  }
  let near = true;
  for (let index = headline + 1; index < units.length; index += 1) {
    const unit = units[index] as TextUnit;
    if (
      index > lastParagraph &&
      (unit.kind === 'chrome' || index > lastParagraph + AFTER_BODY_REACH)
    )
      near = false;
    // Unlabelled dates far below the article belong to teasers; "Published:" lines do not.
    if (unit.kind === 'meta' && (near || unit.date?.labelled === true)) found.push(index);
  }
  return found;
}

function describeMeta(
  units: readonly TextUnit[],
  indexes: readonly number[],
): Omit<Article, 'headline' | 'paragraphs'> {
  const metas = indexes.map((index) => units[index] as TextUnit);
  const byline = metas.find((unit) => unit.byline !== undefined)?.byline;
  const published = metas.find((unit) => unit.date?.role === 'published')?.date?.iso;
  const updated = metas.find((unit) => unit.date?.role === 'updated')?.date?.iso;
  return {
    ...(byline === undefined ? {} : { byline }),
    ...(published === undefined ? {} : { published }),
    ...(updated === undefined ? {} : { updated }),
    images: metas.flatMap((unit) => (unit.image === undefined ? [] : [unit.image])),
  };
}

/**
 * Locates the article in scraped text: the body (the longest prose run), the headline above it,
 * and the date, byline and image lines around them. Everything else is page furniture.
 * @throws WireParseError `WIRE_NO_BODY` when there is no prose, `WIRE_NO_HEADLINE` when nothing
 * title-like precedes the body.
 */
export function locateArticle(units: readonly TextUnit[]): Article {
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
    headline: (units[headline] as TextUnit).text,
    paragraphs: [...standfirst, ...body.paragraphs].map((index) => (units[index] as TextUnit).text),
    ...describeMeta(units, metaIndexes(units, headline, lastParagraph)),
  };
}
