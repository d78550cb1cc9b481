// IPTC ninjs 2.1 (http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json), property by property:
// `uri` is the one required property; the schema forbids properties it does not define
// (`unevaluatedProperties: false`) and associations must carry `name` and `uri`.
import { checkJson, JsonSpecError, rules, type JsonRule, type ObjectRule } from './json-rules.js';

const { text, uri, dateTime, number, arrayOf } = rules;

const NEWS_TYPES = ['text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component'];
const percent: JsonRule = { type: 'number', integer: true, minimum: 0, maximum: 100 };

function block(extra: Readonly<Record<string, JsonRule>> = {}): ObjectRule {
  return {
    type: 'object',
    properties: { role: text, contenttype: text, value: text, ...extra },
    required: ['value'],
  };
}

function concept(extra: Readonly<Record<string, JsonRule>> = {}): ObjectRule {
  return { type: 'object', properties: { name: text, rel: text, uri, literal: text, ...extra } };
}

const contactinfo: JsonRule = arrayOf({
  type: 'object',
  properties: {
    type: text,
    role: text,
    lang: text,
    name: text,
    value: text,
    address: {
      type: 'object',
      properties: {
        lines: arrayOf(text),
        locality: text,
        area: text,
        postalcode: text,
        country: text,
      },
    },
  },
  check: (value) =>
    (value.value === undefined) === (value.address === undefined)
      ? ['a contactinfo needs exactly one of value and address']
      : [],
});

const symbols: JsonRule = arrayOf({
  type: 'object',
  properties: { ticker: text, exchange: text, symboltype: text, symbol: text },
});

const rightsinfo: ObjectRule = {
  type: 'object',
  properties: { langid: uri, linkedrights: uri, encodedrights: text },
  check: (value) =>
    (value.linkedrights === undefined) === (value.encodedrights === undefined)
      ? ['rightsinfo needs exactly one of linkedrights and encodedrights']
      : [],
};

const rendition: ObjectRule = {
  type: 'object',
  properties: {
    name: text,
    href: uri,
    contenttype: text,
    title: text,
    height: number,
    width: number,
    sizeinbytes: number,
    duration: number,
    format: text,
  },
  required: ['name'],
};

const properties: Readonly<Record<string, JsonRule>> = {
  uri,
  standard: { type: 'object', properties: { name: text, version: text, schema: uri } },
  type: { type: 'string', enum: NEWS_TYPES },
  representationtype: { type: 'string', enum: ['full', 'partial'] },
  profile: text,
  version: text,
  firstcreated: dateTime,
  versioncreated: dateTime,
  contentcreated: dateTime,
  embargoed: dateTime,
  expires: dateTime,
  pubstatus: { type: 'string', enum: ['usable', 'withheld', 'canceled'] },
  urgency: number,
  copyrightholder: text,
  copyrightnotice: text,
  usageterms: text,
  ednote: text,
  language: text,
  title: text,
  by: text,
  slugline: text,
  located: text,
  headlines: arrayOf(block()),
  descriptions: arrayOf(block()),
  bodies: arrayOf(block({ charcount: number, wordcount: number })),
  subjects: arrayOf(concept({ creator: text, relevance: percent, confidence: percent })),
  people: arrayOf(concept({ contactinfo })),
  organisations: arrayOf(concept({ contactinfo, symbols })),
  places: arrayOf(
    concept({ contactinfo, geojson: { type: 'object', properties: {}, additional: 'allow' } }),
  ),
  events: arrayOf(concept()),
  objects: arrayOf(concept()),
  genres: arrayOf({ type: 'object', properties: { name: text, uri, literal: text } }),
  infosources: arrayOf({
    type: 'object',
    properties: { name: text, role: uri, uri, literal: text, contactinfo },
  }),
  rightsinfo,
  altids: arrayOf({ type: 'object', properties: { role: text, value: text } }),
  renditions: arrayOf(rendition),
  trustindicators: arrayOf({ type: 'object', properties: { role: uri, title: text, href: uri } }),
  associations: { type: 'lazy', rule: () => arrayOf(association) },
};

const association: ObjectRule = {
  type: 'object',
  properties: { ...properties, name: text },
  required: ['name', 'uri'],
};

const ninjs: ObjectRule = { type: 'object', properties, required: ['uri'] };

/**
 * Every way a parsed document breaks ninjs 2.1; empty when it conforms.
 * @example expect(checkNinjs(renderNinjs(story, ctx))).toEqual([]);
 */
export function checkNinjs(document: unknown): string[] {
  return checkJson(ninjs, document);
}

/** Throws {@link JsonSpecError} listing every fault unless the document is ninjs 2.1. */
export function assertNinjs(document: unknown): void {
  const faults = checkNinjs(document);
  if (faults.length > 0) throw new JsonSpecError('ninjs 2.1', faults);
}
