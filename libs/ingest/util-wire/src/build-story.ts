import {
  digest,
  parseStory,
  storyId,
  storyUri,
  type Pubstatus,
  type Story,
  type StoryEntity,
  type StoryImage,
} from '@bulletin/story';

import { textToHtml } from '@bulletin/markup';
import { fingerprintStory } from './fingerprint.js';

/** The editorial fields a parser extracted; identity and defaults are added by {@link buildStory}. */
export interface StoryDraft {
  /** The source's own id for the item (guid, Atom id, link, or a digest). */
  itemId: string;
  headline: string;
  byline?: string;
  bodyText: string;
  bodyHtml: string;
  summary: string;
  language: string;
  link?: string;
  images: StoryImage[];
  firstcreated: string;
  versioncreated: string;
  /** The source gave a day without a time. */
  dateOnly?: boolean;
  /** What the parser flagged without refusing the story (unreadable date, damaged bytes). */
  warnings?: readonly string[];
  /** @defaultValue `usable` */
  pubstatus?: Pubstatus;
  embargoed?: string;
  sourceVersion?: number;
  /** Entities the source itself names (ninjs `person`, a NITF dateline's place). */
  people?: StoryEntity[];
  organisations?: StoryEntity[];
  places?: StoryEntity[];
}

/** The optional fields of a draft that go onto the story as they are, when present. */
function optionalFields(draft: StoryDraft): Partial<Story> {
  const fields: Partial<Story> = {};
  if (draft.byline !== undefined) fields.byline = draft.byline;
  if (draft.link !== undefined) fields.link = draft.link;
  if (draft.dateOnly === true) fields.dateOnly = true;
  if (draft.warnings !== undefined && draft.warnings.length > 0)
    fields.warnings = [...draft.warnings];
  if (draft.embargoed !== undefined) fields.embargoed = draft.embargoed;
  if (draft.sourceVersion !== undefined) fields.sourceVersion = draft.sourceVersion;
  return fields;
}

/** Default language of UK public-sector wire copy that does not declare one. */
export const DEFAULT_LANGUAGE = 'en-GB';

function hashContent(draft: StoryDraft): string {
  const images = draft.images.map((image) =>
    [image.href, image.caption, image.credit].join('\u0001'),
  );
  // bodyText and bodyHtml derive from each other (text wires: HTML from the text; feeds: text
  // from the HTML), so hashing the HTML covers both at half the cost.
  return digest(
    draft.headline,
    draft.summary,
    draft.bodyHtml,
    draft.byline ?? '',
    draft.link ?? '',
    images.join('\u0002'),
    // A kill, hold or embargo of unchanged text is still a new version, never a duplicate.
    ...(draft.pubstatus === undefined || draft.pubstatus === 'usable' ? [] : [draft.pubstatus]),
    ...(draft.embargoed === undefined ? [] : [`embargoed ${draft.embargoed}`]),
  );
}

/**
 * A version-1, usable story from a draft: uri from the source and item id, id from the uri,
 * a content hash over the editorial fields, no subjects or entities yet (enrichment adds them).
 * @throws StoryValidationError when the draft does not make a valid story.
 */
export function buildStory(draft: StoryDraft, source: { id: string; name: string }): Story {
  const uri = storyUri(source.id, draft.itemId);
  return parseStory({
    id: storyId(uri),
    uri,
    type: 'text',
    version: 1,
    versioncreated: draft.versioncreated,
    firstcreated: draft.firstcreated,
    pubstatus: draft.pubstatus ?? 'usable',
    headline: draft.headline,
    bodyText: draft.bodyText,
    // HTML that only repeats the text's paragraphs is not carried: every hand-off and the store
    // would hold the body twice. Readers derive it (`storyBodyHtml`).
    ...(draft.bodyHtml === textToHtml(draft.bodyText) ? {} : { bodyHtml: draft.bodyHtml }),
    summary: draft.summary,
    language: draft.language,
    source: { id: source.id, name: source.name },
    subjects: [],
    people: draft.people ?? [],
    organisations: draft.organisations ?? [],
    places: draft.places ?? [],
    images: draft.images,
    contentHash: hashContent(draft),
    ...fingerprintStory(draft.bodyText),
    ...optionalFields(draft),
  });
}

/** The later of two ISO times, so an "updated" earlier than "published" cannot go backwards. */
export function laterOf(first: string, second: string | undefined): string {
  return second !== undefined && Date.parse(second) > Date.parse(first) ? second : first;
}
