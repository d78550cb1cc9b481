import { digest, type Story } from '@bulletin/story';
import { buildStory, DEFAULT_LANGUAGE, laterOf } from './build-story.js';
import { standsAlone } from './classify-unit.js';
import { paragraphsToHtml } from './html-text.js';
import { locateArticle } from './locate-article.js';
import { isPlainText } from './plain-text.js';
import { trimSummary } from './summarise.js';
import { splitUnits } from './text-units.js';
import type { WireInput } from './types.js';
import { UnitList } from './unit-list.js';

const NOT_WORD = /[^\p{L}\p{N}]+/gu;
// For ASCII, which NFKC leaves alone, the letters and digits are a-z and 0-9 once lower-cased.
const NOT_ASCII = /[\u0080-\uffff]/;
const NOT_ASCII_WORD = /[^a-z0-9]+/g;
const NOT_SINGLE_SPACED_WORDS = /[^a-z0-9 ]| {2}/;

/** Headline reduced to lower-case words, so punctuation and quote style do not change identity. */
function normaliseHeadline(headline: string): string {
  if (NOT_ASCII.test(headline)) {
    return headline.normalize('NFKC').toLowerCase().replace(NOT_WORD, ' ').trim();
  }
  // Most headlines are words and single spaces already: nothing to replace.
  const lower = headline.toLowerCase();
  return (NOT_SINGLE_SPACED_WORDS.test(lower) ? lower.replace(NOT_ASCII_WORD, ' ') : lower).trim();
}

/**
 * Parses scraped article text or plain-text wire copy into one story. The item id is a digest of
 * the normalised headline and the date the text gives (not the arrival time), so the same article
 * ingested twice gets the same uri.
 * @param plain whether {@link isPlainText} holds for the text; passing false when it does only
 * takes the slower general path.
 * @throws WireParseError `WIRE_NO_BODY` or `WIRE_NO_HEADLINE` when the article cannot be found.
 */
export function parseTextStory(
  text: string,
  input: Pick<WireInput, 'source' | 'receivedAt'> & { warnings?: readonly string[] },
  plain = isPlainText(text),
): Story {
  // Plain text is already NFC, and needs no scan for odd whitespace when split.
  const normal = plain ? text : text.normalize('NFC');
  const article = locateArticle(new UnitList(splitUnits(normal, standsAlone, plain)));
  const firstcreated = article.published ?? article.updated ?? input.receivedAt;
  const summary = trimSummary(article.paragraphs[0] ?? '');
  const undated = article.published === undefined && article.updated === undefined;
  const warnings = [
    ...(input.warnings ?? []),
    ...(undated ? ['no readable date: arrival time used'] : []),
  ];
  return buildStory(
    {
      itemId: digest(
        normaliseHeadline(article.headline),
        article.published ?? article.updated ?? '',
      ),
      headline: article.headline,
      ...(article.byline === undefined ? {} : { byline: article.byline }),
      bodyText: article.paragraphs.join('\n\n'),
      bodyHtml: paragraphsToHtml(article.paragraphs),
      summary,
      language: DEFAULT_LANGUAGE,
      images: article.images,
      firstcreated,
      versioncreated: laterOf(firstcreated, article.updated),
      warnings,
    },
    input.source,
  );
}
