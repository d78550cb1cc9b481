import { cleanText } from './body-text.js';
import { httpUrl } from './feed-fields.js';

/** What a page says about its article in its head: Open Graph, article:*, JSON-LD, canonical. */
export interface PageMeta {
  headline?: string;
  byline?: string;
  published?: string;
  modified?: string;
  canonical?: string;
  description?: string;
  language?: string;
  image?: string;
}

/** The part of a DOM document this module reads; linkedom's and a browser's both fit. */
export interface MetaDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
}

const ARTICLE_TYPES =
  /^(?:News|Reportage|Analysis|Opinion|Report|Background|Review)?Article$|^BlogPosting$/;
type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: Json): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** The first NewsArticle (or kin) in a JSON-LD value, looking through arrays and `@graph`. */
function findArticle(value: unknown, depth = 0): Json | undefined {
  if (depth > 4) return undefined;
  if (Array.isArray(value)) {
    for (const entry of value) {
      const found = findArticle(entry, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  if (typesOf(value).some((type) => ARTICLE_TYPES.test(type))) return value;
  return findArticle(value['@graph'], depth + 1);
}

function jsonLdArticle(document: MetaDocument): Json | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = findArticle(JSON.parse(script.textContent ?? '') as unknown);
      if (found) return found;
    } catch {
      // A page's broken JSON-LD is its own problem; the other metadata still counts.
    }
  }
  return undefined;
}

function names(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  const found = list
    .map((entry) => (typeof entry === 'string' ? entry : isRecord(entry) ? entry.name : undefined))
    .filter((name): name is string => typeof name === 'string' && !/^https?:/i.test(name))
    .map((name) => cleanText(name))
    .filter((name): name is string => name !== undefined);
  return found.length === 0 ? undefined : found.join(', ');
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads the article metadata of a page's head; every field is optional. */
export function readPageMeta(document: MetaDocument): PageMeta {
  const meta = (key: string): string | undefined =>
    string(
      document.querySelector(`meta[property="${key}"]`)?.getAttribute('content') ??
        document.querySelector(`meta[name="${key}"]`)?.getAttribute('content'),
    );
  const ld = jsonLdArticle(document) ?? {};
  const image = isRecord(ld.image)
    ? ld.image.url
    : Array.isArray(ld.image)
      ? ld.image[0]
      : ld.image;
  const found: Record<string, string | undefined> = {
    headline: cleanText(string(ld.headline) ?? meta('og:title') ?? meta('twitter:title')),
    byline: names(ld.author) ?? names(meta('author')) ?? names(meta('article:author')),
    published:
      string(ld.datePublished) ?? meta('article:published_time') ?? meta('date') ?? meta('dc.date'),
    modified: string(ld.dateModified) ?? meta('article:modified_time') ?? meta('og:updated_time'),
    canonical:
      httpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
      httpUrl(meta('og:url')) ??
      httpUrl(ld.url),
    description: cleanText(string(ld.description) ?? meta('og:description') ?? meta('description')),
    language: string(document.querySelector('html')?.getAttribute('lang') ?? ld.inLanguage),
    image: httpUrl(isRecord(image) ? image.url : image) ?? httpUrl(meta('og:image')),
  };
  return Object.fromEntries(Object.entries(found).filter(([, value]) => value !== undefined));
}
