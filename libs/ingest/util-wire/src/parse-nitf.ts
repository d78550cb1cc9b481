import { digest, type Story } from '@bulletin/story';
import { DOMParser } from 'linkedom';
import { buildStory, DEFAULT_LANGUAGE } from './build-story.js';
import { bodyFromHtml, cleanText } from './body-text.js';
import { WireParseError } from './errors.js';
import { normaliseLanguage } from './feed-fields.js';
import { refuseDeepNesting } from './markup-depth.js';
import { resolveDates } from './story-dates.js';
import { trimSummary } from './summarise.js';
import type { WireInput } from './types.js';
import { readWireDate } from './wire-date.js';
import { refuseEntityDeclarations } from './xml-guard.js';

/** What the NITF reader needs besides the XML. */
export interface NitfContext extends Pick<WireInput, 'source' | 'receivedAt'> {
  warnings?: readonly string[];
}

type Node = ReturnType<DOMParser['parseFromString']>;
type Element = NonNullable<ReturnType<Node['querySelector']>>;

const BY = /^\s*by\s+/i;
const STATUSES = new Set(['usable', 'withheld', 'canceled']);

function attribute(doc: Node, selector: string, name: string): string | undefined {
  const value = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function text(element: Element | null | undefined): string | undefined {
  return element ? cleanText(element.textContent ?? '') : undefined;
}

function readByline(doc: Node): string | undefined {
  const byline = doc.querySelector('body\\.head byline');
  if (!byline) return undefined;
  const person = text(byline.querySelector('person'));
  const title = text(byline.querySelector('byttl'));
  const whole = text(byline)?.replace(BY, '');
  if (person === undefined) return whole;
  return title === undefined ? person : `${person}, ${title}`;
}

function readStatus(doc: Node): 'usable' | 'withheld' | 'canceled' {
  const status = attribute(doc, 'docdata', 'management-status')?.toLowerCase();
  const normal = status === 'cancelled' ? 'canceled' : status;
  return normal !== undefined && STATUSES.has(normal) ? (normal as 'withheld') : 'usable';
}

function readVersion(doc: Node): number | undefined {
  const version = Number(attribute(doc, 'du-key', 'version') ?? Number.NaN);
  return Number.isInteger(version) && version >= 0 ? version : undefined;
}

function parseDocument(xml: string): Node {
  refuseEntityDeclarations(xml);
  refuseDeepNesting(xml, 'NITF document');
  try {
    return new DOMParser().parseFromString(xml, 'text/xml');
  } catch (cause) {
    throw new WireParseError('WIRE_NITF_INVALID', 'NITF document could not be read as XML', {
      cause,
    });
  }
}

/**
 * Reads an NITF 3.x document as UK agencies send it: `doc-id@id-string` is the identity,
 * `hedline/hl1` the headline, `byline` (its `person` and `byttl`), the `dateline` location as a
 * place, `abstract` the summary, `body.content` the body (sanitised), `date.issue@norm` the
 * publication time and `date.release@norm` an embargo when later; `docdata@management-status`
 * `canceled` kills and `withheld` holds; `du-key@version` orders versions.
 * @throws WireParseError `WIRE_XML_ENTITIES`, `WIRE_NITF_INVALID` naming what is missing.
 */
export function parseNitf(xml: string, context: NitfContext): Story {
  const doc = parseDocument(xml);
  const headline = text(doc.querySelector('hedline hl1')) ?? text(doc.querySelector('head title'));
  if (headline === undefined)
    throw new WireParseError(
      'WIRE_NITF_INVALID',
      'NITF has no headline: hedline/hl1 and head/title are missing or empty',
    );
  const content = doc.querySelector('body\\.content');
  const body = bodyFromHtml(content?.innerHTML);
  if (body === undefined)
    throw new WireParseError(
      'WIRE_NITF_INVALID',
      'NITF has no body text: body.content is missing or empty',
    );
  const issue = attribute(doc, 'date\\.issue', 'norm');
  const dates = resolveDates(
    [
      { field: 'date.issue', value: issue },
      { field: 'story.date', value: attribute(doc, 'story\\.date', 'norm') },
    ],
    [],
    context.receivedAt,
  );
  const release = readWireDate(attribute(doc, 'date\\.release', 'norm'));
  const embargoed =
    release !== undefined && release.iso > dates.firstcreated ? release.iso : undefined;
  const location =
    text(doc.querySelector('dateline location')) ?? text(doc.querySelector('dateline city'));
  const byline = readByline(doc);
  const version = readVersion(doc);
  const status = readStatus(doc);
  return buildStory(
    {
      itemId: attribute(doc, 'doc-id', 'id-string') ?? digest(headline, dates.sourceDate ?? ''),
      headline,
      ...(byline === undefined ? {} : { byline }),
      bodyText: body.paragraphs.join('\n\n'),
      bodyHtml: body.html,
      summary: trimSummary(text(doc.querySelector('abstract')) ?? body.paragraphs[0] ?? ''),
      language:
        normaliseLanguage(doc.querySelector('nitf')?.getAttribute('xml:lang')) ?? DEFAULT_LANGUAGE,
      images: [],
      firstcreated: dates.firstcreated,
      versioncreated: dates.versioncreated,
      ...(dates.dateOnly ? { dateOnly: true } : {}),
      warnings: [...(context.warnings ?? []), ...dates.warnings],
      pubstatus: status,
      ...(embargoed === undefined ? {} : { embargoed }),
      ...(version === undefined ? {} : { sourceVersion: version }),
      places: location === undefined ? [] : [{ name: location }],
    },
    context.source,
  );
}
