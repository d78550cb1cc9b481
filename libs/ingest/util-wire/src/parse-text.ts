import { digest, type Story } from '@bulletin/story';
import { buildStory, DEFAULT_LANGUAGE, laterOf } from './build-story.js';
import { classifyUnit, standsAlone } from './classify-unit.js';
import { paragraphsToHtml } from './html-text.js';
import { locateArticle } from './locate-article.js';
import { trimSummary } from './summarise.js';
import { splitUnits } from './text-units.js';
import type { WireInput } from './types.js';

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Headline reduced to lower-case words, so punctuation and quote style do not change identity. */
function normaliseHeadline(headline: string): string {
  return headline.normalize('NFKC').toLowerCase().replace(NOT_WORD, ' ').trim();
}

/**
 * Parses scraped article text or plain-text wire copy into one story. The item id is a digest of
 * the normalised headline and the date the text gives (not the arrival time), so the same article
 * ingested twice gets the same uri.
 * @throws WireParseError `WIRE_NO_BODY` or `WIRE_NO_HEADLINE` when the article cannot be found.
 */
export function parseTextStory(
  text: string,
  input: Pick<WireInput, 'source' | 'receivedAt'>,
): Story {
  const units = splitUnits(text.normalize('NFC'), standsAlone).map(classifyUnit);
  const article = locateArticle(units);
  const firstcreated = article.published ?? article.updated ?? input.receivedAt;
  const summary = trimSummary(article.paragraphs[0] ?? '');
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
    },
    input.source,
  );
}
