import type { Story } from '@bulletin/story';
import { buildStory, DEFAULT_LANGUAGE } from './build-story.js';
import { WireParseError } from './errors.js';
import { normaliseLanguage } from './feed-fields.js';
import {
  readBody,
  readDescription,
  readEntities,
  readHeadline,
  readImages,
  readLink,
  readVersion,
} from './ninjs-fields.js';
import { ninjsItemSchema, type NinjsItem } from './ninjs-schema.js';
import { listItems } from './ninjs-items.js';
import { resolveDates } from './story-dates.js';
import { trimSummary } from './summarise.js';
import type { WireInput, WireLimits, WireRejection, WireResult } from './types.js';
import { readWireDate } from './wire-date.js';

/** What the ninjs reader needs besides the JSON text. */
export interface NinjsContext extends Pick<WireInput, 'source' | 'receivedAt'>, WireLimits {
  warnings?: readonly string[];
}

const TEXT_TYPES = new Set(['text', 'composite']);

function invalid(message: string): WireParseError {
  return new WireParseError('WIRE_NINJS_INVALID', `ninjs item is not valid: ${message}`);
}

function validate(value: unknown, at: string): NinjsItem {
  const result = ninjsItemSchema.safeParse(value);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(item)';
      return `${at}${path}: ${issue.message}`;
    });
    throw invalid(lines.join('; '));
  }
  return result.data;
}

/** A kill or hold notice may come with no text; the story model still needs some. */
function noticeBody(item: NinjsItem, status: 'withheld' | 'canceled'): string {
  const note = item.ednote?.trim();
  if (note) return note;
  return status === 'canceled'
    ? 'This story has been killed by the source.'
    : 'This story has been withheld by the source.';
}

function mapItem(item: NinjsItem, context: NinjsContext): Story {
  if (item.type !== undefined && !TEXT_TYPES.has(item.type)) {
    throw invalid(`type: "${item.type}" items carry no story text; only text items are ingested`);
  }
  const status = item.pubstatus ?? 'usable';
  const notice = status === 'usable' ? undefined : status;
  const headline = readHeadline(item) ?? (notice && 'Story withdrawn');
  if (headline === undefined) throw invalid('headline (or headlines[]): missing or empty');
  const body = readBody(item) ?? (notice && { html: '', paragraphs: [noticeBody(item, notice)] });
  if (body === undefined) {
    throw invalid('body_html, body_text (or bodies[]): missing or empty, the item has no text');
  }
  const dates = resolveDates(
    [
      { field: 'firstcreated', value: item.firstcreated },
      { field: 'contentcreated', value: item.contentcreated },
    ],
    [{ field: 'versioncreated', value: item.versioncreated }],
    context.receivedAt,
  );
  const warnings = [...(context.warnings ?? []), ...dates.warnings];
  const embargo = item.embargoed === undefined ? undefined : readWireDate(item.embargoed);
  if (item.embargoed !== undefined && embargo === undefined) {
    warnings.push(`unreadable date in embargoed: "${item.embargoed.slice(0, 64)}"`);
  }
  const byline = (item.byline ?? item.by)?.trim();
  const link = readLink(item);
  const version = readVersion(item.version);
  const html = body.html === '' ? `<p>${body.paragraphs[0] ?? ''}</p>` : body.html;
  return buildStory(
    {
      itemId: item.uri.trim(),
      headline,
      ...(byline ? { byline } : {}),
      bodyText: body.paragraphs.join('\n\n'),
      bodyHtml: html,
      summary: trimSummary(readDescription(item) ?? body.paragraphs[0] ?? ''),
      language: normaliseLanguage(item.language) ?? DEFAULT_LANGUAGE,
      ...(link === undefined ? {} : { link }),
      images: readImages(item),
      firstcreated: dates.firstcreated,
      versioncreated: dates.versioncreated,
      ...(dates.dateOnly ? { dateOnly: true } : {}),
      warnings,
      pubstatus: status,
      ...(embargo === undefined ? {} : { embargoed: embargo.iso }),
      ...(version === undefined ? {} : { sourceVersion: version }),
      people: readEntities(item.person, item.people),
      organisations: readEntities(item.organisation, item.organisations),
      places: readEntities(item.place, item.places),
    },
    context.source,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new WireParseError('WIRE_JSON_INVALID', `payload looks like JSON but is not: ${detail}`, {
      cause,
    });
  }
}

/**
 * Reads IPTC ninjs 1.x, 2.x and 3.x JSON: one item, a list, or a wire's envelope of items
 * (`items[]`, `data.items[].item`). Fields are mapped one by one: `uri` is the identity,
 * `headline`/`headlines`, `body_html`/`body_text`/`bodies`, `description_*`/`descriptions`,
 * `byline`/`by`, `firstcreated`/`versioncreated`, `language`, `person`/`people` and the like,
 * picture `associations`; `pubstatus` `canceled` kills and `withheld` holds, `embargoed` holds
 * until its time, `version` orders versions.
 * @throws WireParseError `WIRE_JSON_INVALID`, `WIRE_NINJS_INVALID` naming the field,
 * `WIRE_TOO_MANY_ITEMS`, `WIRE_NO_ITEMS` when every item of a list was refused.
 */
export function parseNinjs(text: string, context: NinjsContext): WireResult {
  const { items, single } = listItems(parseJson(text), context.maxItems);
  if (single) {
    const story = mapItem(validate(items[0], ''), context);
    return { format: 'ninjs', stories: [story], rejected: [] };
  }
  const stories: Story[] = [];
  const rejected: WireRejection[] = [];
  for (const [index, value] of items.entries()) {
    try {
      stories.push(mapItem(validate(value, ''), context));
    } catch (error) {
      rejected.push({ index, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  if (stories.length === 0) {
    const first = rejected[0]?.reason ?? 'the list is empty';
    throw new WireParseError('WIRE_NO_ITEMS', `no usable ninjs item: ${first}`);
  }
  return { format: 'ninjs', stories, rejected };
}
