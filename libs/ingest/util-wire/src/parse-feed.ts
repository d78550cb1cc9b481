import Parser from 'rss-parser';
import { describeError } from '@bulletin/errors';
import { type Story } from '@bulletin/story';
import { buildStory } from './build-story.js';
import { WireParseError } from './errors.js';
import { normaliseLanguage, type FeedItem } from './feed-fields.js';
import { draftFromItem } from './feed-item.js';
import { feedHead, splitFeed } from './split-feed.js';
import type { WireInput, WireRejection, WireResult } from './types.js';
import { refuseEntityDeclarations } from './xml-guard.js';
import { repairXml } from './xml-repair.js';

const ATOM_DATE = /<(\/?)(published|updated)(?=[\s>/])/g;
const ITEM_OPEN = /<(?:item|entry)(?=[\s>/])/g;

/**
 * rss-parser runs `new Date(published).toISOString()` on every Atom entry, which throws on a
 * date it cannot read and so rejects the whole feed; under another name the raw text reaches
 * the strict date reader instead.
 */
function hideAtomDates(xml: string): string {
  return xml.replace(ATOM_DATE, '<$1wire-$2');
}

function checkItemCount(xml: string, context: FeedContext): void {
  const max = context.maxItems;
  if (max === undefined) return;
  let count = 0;
  ITEM_OPEN.lastIndex = 0;
  while (ITEM_OPEN.exec(xml) !== null) {
    count += 1;
    if (count > max) {
      throw new WireParseError(
        'WIRE_TOO_MANY_ITEMS',
        `${context.format} feed has more than ${max} items, the most one payload may carry`,
      );
    }
  }
}

const PARSER_OPTIONS: Parser.ParserOptions<FeedItem, FeedItem> = {
  defaultRSS: 2,
  customFields: {
    item: [
      ['media:content', 'mediaContent', { keepArray: true }],
      ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
      // Renamed by hideAtomDates: rss-parser's own reading of them throws on a bad date.
      ['wire-updated', 'updated'],
      ['wire-published', 'published'],
    ],
  },
};

/**
 * A new rss-parser per document. A shared one is not safe: after a parse error xml2js resets
 * mid-write and the rest of the broken document leaks into the next parse (a well-formed item
 * then fails, or a broken one passes). Construction costs ~3 µs against ~100 µs per parse.
 */
function parseXml(xml: string): Promise<Parser.Output<FeedItem> & FeedItem> {
  return new Parser<FeedItem, FeedItem>(PARSER_OPTIONS).parseString(xml);
}

const CHANNEL_LANGUAGE = /<(?:dc:)?language>\s*([^<\s]+)\s*<\/(?:dc:)?language>/;
const ROOT_LANGUAGE = /<(?:\w+:)?(?:feed|rss|RDF)\b[^>]*?\bxml:lang\s*=\s*["']([^"']+)["']/;

interface ItemOutcome {
  index: number;
  item?: FeedItem;
  error?: string;
}

function firstLine(error: unknown): string {
  return describeError(error).split('\n')[0] ?? 'unknown error';
}

async function parseWhole(xml: string): Promise<ItemOutcome[]> {
  const feed = await parseXml(xml);
  return feed.items.map((item, index) => ({ index, item }));
}

/** Fallback for a feed that is not well-formed: each item alone, so one bad item costs only itself. */
async function parseOneByOne(documents: readonly string[]): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = [];
  for (const [index, document] of documents.entries()) {
    try {
      const feed = await parseXml(document);
      const item = feed.items[0];
      outcomes.push(
        item === undefined ? { index, error: 'item could not be read' } : { index, item },
      );
    } catch (error) {
      outcomes.push({ index, error: `invalid XML: ${firstLine(error)}` });
    }
  }
  return outcomes;
}

// Enough reasons to act on without turning one failed job into a wall of text.
const MAX_LISTED_REASONS = 10;

function listReasons(rejected: readonly WireRejection[]): string {
  const listed = rejected
    .slice(0, MAX_LISTED_REASONS)
    .map(({ index, reason }) => `item ${index}: ${reason}`);
  const more = rejected.length - listed.length;
  return listed.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

function feedLanguage(head: string): string | undefined {
  return normaliseLanguage(CHANNEL_LANGUAGE.exec(head)?.[1] ?? ROOT_LANGUAGE.exec(head)?.[1]);
}

function toStories(
  outcomes: readonly ItemOutcome[],
  language: string | undefined,
  input: FeedContext,
): WireResult {
  const stories: Story[] = [];
  const rejected: WireRejection[] = [];
  const seen = new Map<string, number>();
  for (const { index, item, error } of outcomes) {
    try {
      if (item === undefined) throw new Error(error ?? 'item could not be read');
      const draft = draftFromItem(item, language, input.receivedAt);
      const warnings = [...(input.warnings ?? []), ...(draft.warnings ?? [])];
      const story = buildStory({ ...draft, warnings }, input.source);
      const duplicate = seen.get(story.uri);
      if (duplicate !== undefined) throw new Error(`duplicate of item ${duplicate} (same guid/id)`);
      seen.set(story.uri, index);
      stories.push(story);
    } catch (cause) {
      rejected.push({ index, reason: firstLine(cause) });
    }
  }
  return { format: input.format, stories, rejected };
}

/** What the feed parser needs besides the XML. */
export interface FeedContext extends Pick<WireInput, 'source' | 'receivedAt'> {
  format: 'rss' | 'atom';
  /** Refuse a feed with more items than this. */
  maxItems?: number;
  /** Flags from decoding (damaged bytes), put on every story. */
  warnings?: readonly string[];
}

/**
 * Parses an RSS 2.0/1.0 or Atom document. Bare ampersands are escaped first; if the document is
 * still not well-formed, its items are parsed one by one and the broken ones rejected.
 * Entity declarations are refused before any parsing, and so is a feed over `maxItems`.
 * @throws WireParseError `WIRE_XML_INVALID` when nothing can be recovered, `WIRE_NO_ITEMS` when
 * the feed has no items or every item was rejected (the message lists why),
 * `WIRE_XML_ENTITIES`, `WIRE_TOO_MANY_ITEMS`.
 */
export async function parseFeed(xml: string, context: FeedContext): Promise<WireResult> {
  refuseEntityDeclarations(xml);
  checkItemCount(xml, context);
  const repaired = hideAtomDates(repairXml(xml));
  const outcomes = await parseWhole(repaired).catch(async (cause: unknown) => {
    const split = splitFeed(repaired);
    if (split === undefined) {
      const reason = `${context.format} feed is not well-formed XML and has no items to recover`;
      throw new WireParseError('WIRE_XML_INVALID', `${reason}: ${firstLine(cause)}`, { cause });
    }
    return parseOneByOne(split.documents);
  });
  if (outcomes.length === 0)
    throw new WireParseError('WIRE_NO_ITEMS', `${context.format} feed has no items`);
  const result = toStories(outcomes, feedLanguage(feedHead(repaired)), context);
  if (result.stories.length === 0) {
    throw new WireParseError(
      'WIRE_NO_ITEMS',
      `every item of the ${context.format} feed was rejected: ${listReasons(result.rejected)}`,
    );
  }
  return result;
}
