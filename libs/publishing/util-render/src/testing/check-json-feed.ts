// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), property by property. Extensions are
// `_`-keys; any other unknown key is reported, since a misspelt key is silently lost to readers.
import { checkJson, JsonSpecError, rules, type JsonRule, type ObjectRule } from './json-rules.js';

const { text, uri, dateTime, arrayOf } = rules;

const author: ObjectRule = {
  type: 'object',
  properties: { name: text, url: uri, avatar: uri },
  additional: 'underscore',
  check: (value) =>
    ['name', 'url', 'avatar'].some((key) => value[key] !== undefined)
      ? []
      : ['an author needs at least one of name, url and avatar'],
};

const attachment: ObjectRule = {
  type: 'object',
  properties: {
    url: uri,
    mime_type: text,
    title: text,
    size_in_bytes: { type: 'number', minimum: 0 },
    duration_in_seconds: { type: 'number', minimum: 0 },
  },
  required: ['url', 'mime_type'],
  additional: 'underscore',
};

const item: ObjectRule = {
  type: 'object',
  properties: {
    id: text,
    url: uri,
    external_url: uri,
    title: text,
    content_html: text,
    content_text: text,
    summary: text,
    image: uri,
    banner_image: uri,
    date_published: dateTime,
    date_modified: dateTime,
    authors: arrayOf(author),
    tags: arrayOf(text),
    language: text,
    attachments: arrayOf(attachment),
  },
  required: ['id'],
  additional: 'underscore',
  check: (value) =>
    value.content_html === undefined && value.content_text === undefined
      ? ['an item needs content_html or content_text']
      : [],
};

const hub: JsonRule = {
  type: 'object',
  properties: { type: text, url: uri },
  required: ['type', 'url'],
  additional: 'underscore',
};

const jsonFeed: ObjectRule = {
  type: 'object',
  properties: {
    version: { type: 'string', enum: ['https://jsonfeed.org/version/1.1'] },
    title: text,
    home_page_url: uri,
    feed_url: uri,
    description: text,
    user_comment: text,
    next_url: uri,
    icon: uri,
    favicon: uri,
    authors: arrayOf(author),
    language: text,
    expired: { type: 'boolean' },
    hubs: arrayOf(hub),
    items: arrayOf(item),
  },
  required: ['version', 'title', 'items'],
  additional: 'underscore',
  check: (value) =>
    value.next_url !== undefined && value.next_url === value.feed_url
      ? ['next_url must not be the feed_url, or readers loop']
      : [],
};

/**
 * Every way a parsed document breaks JSON Feed 1.1; empty when it conforms.
 * @example expect(checkJsonFeed(JSON.parse(renderJsonFeed(feed, stories, ctx)))).toEqual([]);
 */
export function checkJsonFeed(document: unknown): string[] {
  return checkJson(jsonFeed, document);
}

/** Throws {@link JsonSpecError} listing every fault unless the document is JSON Feed 1.1. */
export function assertJsonFeed(document: unknown): void {
  const faults = checkJsonFeed(document);
  if (faults.length > 0) throw new JsonSpecError('JSON Feed 1.1', faults);
}
