/** The ninjs version bulletin writes, and the schema it is checked against. */
export const NINJS_STANDARD = {
  name: 'ninjs',
  version: '2.1',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json',
} as const;

/** The `Content-Type` ninjs documents and the story list are served with. */
export const NINJS_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A headline, description or body block of a ninjs document. */
export interface NinjsBlock {
  role: string;
  contenttype: string;
  value: string;
  charcount?: number;
  wordcount?: number;
}

/** A subject, person, organisation or place. */
export interface NinjsConcept {
  name: string;
  rel?: string;
  uri?: string;
  literal?: string;
  creator?: string;
  /** 0-100. */
  confidence?: number;
}

/** One form of the item or of an associated picture. */
export interface NinjsRendition {
  name: string;
  href: string;
  contenttype?: string;
  title?: string;
}

/** An associated item: here, a picture with its caption (`descriptions`) and credit (`by`). */
export interface NinjsAssociation {
  name: string;
  uri: string;
  type: 'picture';
  by?: string;
  descriptions?: NinjsBlock[];
  renditions: NinjsRendition[];
}

/** A story as an IPTC ninjs 2.1 document, as bulletin writes it. */
export interface NinjsDocument {
  uri: string;
  standard: typeof NINJS_STANDARD;
  type: 'text';
  representationtype: 'full' | 'partial';
  version: string;
  firstcreated: string;
  versioncreated: string;
  embargoed?: string;
  pubstatus: 'usable' | 'withheld' | 'canceled';
  language: string;
  by?: string;
  headlines: NinjsBlock[];
  descriptions?: NinjsBlock[];
  bodies?: NinjsBlock[];
  subjects: NinjsConcept[];
  people: NinjsConcept[];
  organisations: NinjsConcept[];
  places: NinjsConcept[];
  infosources: { name: string; literal: string }[];
  altids: { role: string; value: string }[];
  renditions: NinjsRendition[];
  associations: NinjsAssociation[];
}
