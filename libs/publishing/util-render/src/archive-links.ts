import type { FeedView } from './feed-view.js';
import type { TextTokens } from './text-tokens.js';

/** RFC 5005's namespace, for `fh:archive`. */
export const HISTORY_NAMESPACE = 'http://purl.org/syndication/history/1.0';

/** Writes one link element given its relation and a token for its href. */
export type LinkWriter = (rel: string, hrefToken: string) => string;

/**
 * The RFC 5005 lines of a document: `current`, `prev-archive` and `next-archive` links where
 * they apply, and `fh:archive` on an archive document (RFC 5005 §4). A subscription document
 * gets only `prev-archive`, pointing at the newest archive.
 */
export function archiveLines(view: FeedView, tokens: TextTokens, link: LinkWriter): string[] {
  const { archiveUrl, prevArchiveUrl, nextArchiveUrl } = view.archive;
  const lines: string[] = [];
  if (archiveUrl !== undefined) lines.push(link('current', tokens.add(view.feedUrl)));
  if (prevArchiveUrl !== undefined) lines.push(link('prev-archive', tokens.add(prevArchiveUrl)));
  if (nextArchiveUrl !== undefined) lines.push(link('next-archive', tokens.add(nextArchiveUrl)));
  if (archiveUrl !== undefined) lines.push('<fh:archive/>');
  return lines;
}

/** True when the document needs the `fh:` namespace declared. */
export function isArchiveDocument(view: FeedView): boolean {
  return view.archive.archiveUrl !== undefined;
}
