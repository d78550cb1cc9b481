import type { StoryImage } from '@bulletin/story';
import { toPlainText } from './html-text.js';
import { sanitiseHtml } from './sanitise-html.js';

/** An item as rss-parser returns it: loosely typed, so every field is checked before use. */
export type FeedItem = Record<string, unknown>;

const HTTP_URL = /^https?:\/\//i;
const EMAIL_WITH_NAME = /^\S+@\S+\s*\((.+)\)$/;
const BCP47 = /^([A-Za-z]{2,3})((?:[-_][A-Za-z0-9]{2,8})*)$/;
const SUBTAG_SEPARATOR = /[-_]/;
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

/** The text of a field that xml2js may give as a string or as `{ _: text, $: attributes }`. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && '_' in value) {
    const inner = (value as { _: unknown })._;
    return typeof inner === 'string' ? inner : undefined;
  }
  return undefined;
}

/** Plain text of a field that may hold HTML: sanitised first, so script text never survives. */
function plainText(raw: string): string {
  return toPlainText(raw.includes('<') ? sanitiseHtml(raw) : raw);
}

/** Plain text of the first field that has any. */
export function firstPlainText(item: FeedItem, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const raw = textOf(item[field]);
    const text = raw === undefined ? '' : plainText(raw);
    if (text !== '') return text;
  }
  return undefined;
}

/** The value as an absolute http(s) URL, or undefined. */
export function httpUrl(value: unknown): string | undefined {
  const raw = textOf(value)?.trim();
  if (raw === undefined || !HTTP_URL.test(raw)) return undefined;
  try {
    return new URL(raw).href;
  } catch {
    return undefined;
  }
}

/** Byline from dc:creator, or RSS `author` ("jo@example.org (Jo Bloggs)" gives "Jo Bloggs"). */
export function readByline(item: FeedItem): string | undefined {
  const byline = firstPlainText(item, ['creator', 'author', 'dc:creator']);
  return byline?.replace(EMAIL_WITH_NAME, '$1');
}

/** A language tag in BCP 47 shape (`en-gb` becomes `en-GB`), or undefined. */
export function normaliseLanguage(value: unknown): string | undefined {
  const match = BCP47.exec(textOf(value)?.trim() ?? '');
  if (match === null) return undefined;
  const subtags = (match[2] ?? '').split(SUBTAG_SEPARATOR).filter((tag) => tag !== '');
  const region = subtags.map((tag) => (tag.length === 2 ? tag.toUpperCase() : tag.toLowerCase()));
  return [(match[1] ?? '').toLowerCase(), ...region].join('-');
}

function attributesOf(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return {};
  const attributes = '$' in value ? (value as { $: unknown }).$ : value;
  return typeof attributes === 'object' && attributes !== null
    ? (attributes as Record<string, unknown>)
    : {};
}

function isImage(attributes: Record<string, unknown>, href: string): boolean {
  const type = typeof attributes.type === 'string' ? attributes.type : '';
  const medium = typeof attributes.medium === 'string' ? attributes.medium : '';
  if (type !== '') return type.toLowerCase().startsWith('image/');
  if (medium !== '') return medium === 'image';
  return IMAGE_FILE.test(href);
}

/** Images from an image/* enclosure, media:content and media:thumbnail; http(s) only, no repeats. */
export function readImages(item: FeedItem): StoryImage[] {
  // A thumbnail is an image by definition; enclosures and media:content must say so.
  const candidates = [
    ...asArray(item.enclosure).map((value) => ({ value, thumbnail: false })),
    ...asArray(item.mediaContent).map((value) => ({ value, thumbnail: false })),
    ...asArray(item.mediaThumbnail).map((value) => ({ value, thumbnail: true })),
  ];
  const seen = new Set<string>();
  const images: StoryImage[] = [];
  for (const { value, thumbnail } of candidates) {
    const attributes = attributesOf(value);
    const href = httpUrl(attributes.url);
    if (href === undefined || seen.has(href) || (!thumbnail && !isImage(attributes, href)))
      continue;
    seen.add(href);
    images.push({ href });
  }
  return images;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
