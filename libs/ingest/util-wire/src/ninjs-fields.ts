import type { StoryEntity, StoryImage } from '@bulletin/story';
import { bodyFromHtml, bodyFromText, cleanText, type Body } from './body-text.js';
import { httpUrl } from './feed-fields.js';
import type { NinjsAssociation, NinjsItem, NinjsValued } from './ninjs-schema.js';

const HTML_TYPE = /html/i;
const MAIN_ROLES = new Set(['main', 'default', 'body', 'summary', 'headline']);

/** The ninjs 2.x entry of a list to use: role main/default first, then the first. */
function pick(list: readonly NinjsValued[] | undefined, html?: boolean): NinjsValued | undefined {
  const matching = (list ?? []).filter(
    (entry) => html === undefined || HTML_TYPE.test(entry.contenttype ?? '') === html,
  );
  return matching.find((entry) => MAIN_ROLES.has(entry.role ?? 'main')) ?? matching[0];
}

/** Headline: 1.x `headline`, else 2.x `headlines[]`. */
export function readHeadline(item: NinjsItem): string | undefined {
  return cleanText(item.headline) ?? cleanText(pick(item.headlines)?.value);
}

/** Body: `body_html`/`body_xhtml`/`bodies` HTML first (sanitised), then the plain text forms. */
export function readBody(item: NinjsItem): Body | undefined {
  return (
    bodyFromHtml(item.body_html) ??
    bodyFromHtml(item.body_xhtml) ??
    bodyFromHtml(pick(item.bodies, true)?.value) ??
    bodyFromText(item.body_text) ??
    bodyFromText(pick(item.bodies, false)?.value)
  );
}

/** Summary text: `description_text`/`_html`, else 2.x `descriptions[]`. */
export function readDescription(item: NinjsItem): string | undefined {
  return (
    cleanText(item.description_text) ??
    cleanText(item.description_html) ??
    cleanText(pick(item.descriptions)?.value)
  );
}

/** Entities of a 1.x (`person`) or 2.x (`people`) list that have a name. */
export function readEntities(...lists: ReadonlyArray<NinjsItem['person']>): StoryEntity[] {
  const entities: StoryEntity[] = [];
  for (const entry of lists.flatMap((list) => list ?? [])) {
    const name = cleanText(entry.name);
    if (name === undefined) continue;
    const uri = entry.uri?.trim();
    entities.push(uri === undefined || uri === '' ? { name } : { name, uri });
  }
  return entities;
}

function renditionHref(association: NinjsAssociation): string | undefined {
  const renditions = association.renditions ?? {};
  const list = Array.isArray(renditions) ? renditions : Object.values(renditions);
  for (const rendition of list) {
    const href = httpUrl(rendition.href);
    if (href !== undefined) return href;
  }
  return undefined;
}

/** Pictures among the associations (a 1.x map or a 2.x list), each with its best rendition. */
export function readImages(item: NinjsItem): StoryImage[] {
  const associations = item.associations ?? [];
  const list = Array.isArray(associations) ? associations : Object.values(associations);
  const images: StoryImage[] = [];
  for (const association of list) {
    if (!['picture', 'image', 'graphic'].includes(association.type ?? 'picture')) continue;
    const href = renditionHref(association);
    if (href === undefined) continue;
    const caption = cleanText(association.description_text) ?? cleanText(association.headline);
    const credit = cleanText(association.byline ?? association.by ?? association.copyrightholder);
    images.push({ href, ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) });
  }
  return images;
}

/** The story's web address: a `links[]` entry (canonical, alternate or self), http(s) only. */
export function readLink(item: NinjsItem): string | undefined {
  const links = item.links ?? [];
  const preferred = ['canonical', 'alternate', 'self', undefined];
  for (const rel of preferred) {
    const found = links.find((link) => link.rel === rel && httpUrl(link.href) !== undefined);
    if (found !== undefined) return httpUrl(found.href);
  }
  return undefined;
}

/** ninjs `version` (a string in 1.x, a number in some wires) as a whole number. */
export function readVersion(version: NinjsItem['version']): number | undefined {
  const value = typeof version === 'number' ? version : Number(version?.trim() ?? Number.NaN);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}
