import type { Story } from '@bulletin/story';

/** The shapes of wire payload bulletin understands, told apart by content alone. */
export type WireFormat = 'text' | 'rss' | 'atom' | 'ninjs' | 'nitf' | 'html';

/** One payload as it arrived from a source. */
export interface WireInput {
  /** Raw payload; pass a `Uint8Array` when the charset may matter (XML declarations, latin-1). */
  bytes: Uint8Array | string;
  /** The source the payload came from; part of every story's identity. */
  source: { id: string; name: string };
  /** ISO time of arrival; the fallback date when the wire gives none. */
  receivedAt: string;
  /** Informational only: the format is detected from the content, never from the name. */
  filename?: string;
  /**
   * The HTTP `Content-Type` the payload came with, when it came over HTTP: its `charset` is
   * trusted before a BOM or an XML declaration, and `application/json` marks JSON.
   */
  contentType?: string;
}

/** What one payload may cost; the ingest stage passes them from `config.ingest`. */
export interface WireLimits {
  /** Largest payload in bytes (`INGEST_MAX_BYTES`). @defaultValue unlimited */
  maxBytes?: number;
  /** Most items one feed or ninjs list may hold (`INGEST_MAX_ITEMS`). @defaultValue unlimited */
  maxItems?: number;
}

/** An item of a feed that was skipped, and why. */
export interface WireRejection {
  /** Position of the item in the feed, counting from 0 in document order. */
  index: number;
  /** What was wrong, in words an operator can act on. */
  reason: string;
}

/** What one payload yielded. */
export interface WireResult {
  format: WireFormat;
  /** Valid stories, in document order. */
  stories: Story[];
  /** Feed items that were skipped; always empty for text. */
  rejected: WireRejection[];
}
