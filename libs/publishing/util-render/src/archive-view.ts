import { stripInvalidChars as clean } from '@bulletin/markup';
import { RenderError } from './render-error.js';
import type { FeedArchiveLinks } from './render-types.js';
import { requireHttpUrl } from './uri.js';

/** RFC 5005 links of one document, checked and cleaned. */
export interface ArchiveView {
  /** Set on archive documents only. */
  readonly archiveUrl?: string;
  readonly prevArchiveUrl?: string;
  readonly nextArchiveUrl?: string;
}

function checked(url: string | undefined, field: string): string | undefined {
  return url === undefined ? undefined : clean(requireHttpUrl(url, field));
}

/**
 * Checks the archive links a caller gave.
 * @throws RenderError `RENDER_INVALID_URL` for a relative URL; `RENDER_INVALID_INPUT` for a
 * `next-archive` link on a subscription document, which RFC 5005 gives only to archives.
 */
export function buildArchiveView(links: FeedArchiveLinks = {}): ArchiveView {
  if (links.nextArchiveUrl !== undefined && links.archiveUrl === undefined) {
    throw new RenderError(
      'RENDER_INVALID_INPUT',
      'nextArchiveUrl is only for archive documents: set archiveUrl too',
    );
  }
  return {
    archiveUrl: checked(links.archiveUrl, 'archive.archiveUrl'),
    prevArchiveUrl: checked(links.prevArchiveUrl, 'archive.prevArchiveUrl'),
    nextArchiveUrl: checked(links.nextArchiveUrl, 'archive.nextArchiveUrl'),
  };
}
