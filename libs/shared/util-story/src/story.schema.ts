import { z } from 'zod';

/** Where in a story a piece of evidence was found. */
export const EVIDENCE_FIELDS = ['headline', 'lede', 'body'] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/** One phrase or entity that counted towards a topic, and where it was found. */
export const evidenceSchema = z.object({
  /** The phrase as the taxonomy writes it, or the entity's name. */
  text: z.string().min(1),
  kind: z.enum(['phrase', 'entity']),
  where: z.array(z.enum(EVIDENCE_FIELDS)).min(1),
  /** How many times it was found. */
  count: z.number().int().min(1),
});

/** A topic assigned to a story, with the evidence that put it there. */
export const subjectSchema = z.object({
  /** Taxonomy slug, e.g. `child-protection`; also the topic feed's path segment. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug'),
  /** Human name, e.g. `Child protection`. */
  name: z.string().min(1),
  /** IPTC Media Topic codes, e.g. `medtop:20000612`. */
  codes: z.array(z.string().regex(/^medtop:\d{8}$/, 'must look like medtop:NNNNNNNN')),
  /** 0..1; how strongly the text signals the topic. */
  confidence: z.number().min(0).max(1),
  /** The phrases that matched, so a tag can always be explained. */
  matched: z.array(z.string()),
  /** What matched and where (headline, lede, body): answers "why was this tagged?". */
  evidence: z.array(evidenceSchema).optional(),
});

const entitySchema = z.object({
  name: z.string().min(1),
  uri: z.string().optional(),
  /** For an organisation found by the gazetteer: its kind, e.g. `local-authority`. */
  kind: z.string().optional(),
  /** The forms of the name found in the text, when they differ from `name`. */
  mentions: z.array(z.string()).optional(),
});

export const imageSchema = z.object({
  href: z.string().url().optional(),
  caption: z.string().optional(),
  credit: z.string().optional(),
});

const isoDate = z.iso.datetime({ offset: true });

/** ninjs 2.x `pubstatus` values. */
export const PUBSTATUSES = ['usable', 'withheld', 'canceled'] as const;
export type Pubstatus = (typeof PUBSTATUSES)[number];

/**
 * The canonical story, modelled on IPTC ninjs 2.x (`uri`, `version`, `versioncreated`,
 * `firstcreated`, `pubstatus`, …). Every role validates it where it crosses a boundary.
 */
export const storySchema = z.object({
  /** Short URL-safe identity derived from `uri`; used in paths and Redis keys. */
  id: z.string().regex(/^[a-z0-9]{16,64}$/, 'must be 16-64 lower-case letters or digits'),
  /** Stable identity: the source plus the source's own id for the item. */
  uri: z.string().min(1),
  type: z.literal('text'),
  /** bulletin's own version: 1 for the first, each accepted change adds one. */
  version: z.number().int().min(1),
  versioncreated: isoDate,
  firstcreated: isoDate,
  /**
   * ninjs `pubstatus`: `usable` may be published; `withheld` is held back (and taken down if it
   * was out); `canceled` kills the story for good.
   */
  pubstatus: z.enum(PUBSTATUSES),
  /**
   * ninjs `embargoed`: the story may not be published before this instant. ninjs keeps embargo
   * apart from `pubstatus`, and so does bulletin: an embargoed story is `usable` with a time.
   */
  embargoed: isoDate.optional(),
  /**
   * The source's own version of the item (ninjs `version`, NITF `doc.version`), when it sends
   * one. Versions are ordered by it where both have it, else by `versioncreated`.
   */
  sourceVersion: z.number().int().min(0).optional(),
  /**
   * True when the source gave a date without a time: `firstcreated`/`versioncreated` are then the
   * start of that day in the source's time zone, and pages show the date alone.
   */
  dateOnly: z.boolean().optional(),
  /** What the parser had to flag without refusing the story, e.g. a date it could not read. */
  warnings: z.array(z.string().min(1)).optional(),
  headline: z.string().trim().min(1, 'must not be empty').max(1000),
  byline: z.string().optional(),
  /** Plain-text body, paragraphs separated by a blank line. */
  bodyText: z.string().min(1, 'must not be empty'),
  /**
   * Sanitised HTML body: no scripts, handlers or non-http(s) URLs. Absent when it would only be
   * the text's paragraphs (`textToHtml(bodyText)`): read it through `storyBodyHtml`.
   */
  bodyHtml: z.string().min(1, 'must not be empty').optional(),
  summary: z.string(),
  /** BCP 47 tag, e.g. `en-GB`. */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag'),
  /** The original's address, when the source gave one (http or https only). */
  link: z
    .string()
    .url()
    .regex(/^https?:/i, 'must be http(s)')
    .optional(),
  source: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  subjects: z.array(subjectSchema),
  people: z.array(entitySchema),
  organisations: z.array(entitySchema),
  places: z.array(entitySchema),
  images: z.array(imageSchema),
  /** Hash of the editorial content; an unchanged re-delivery is a duplicate, not a version. */
  contentHash: z.string().min(1),
  /**
   * 64-bit hash (16 hex) of the normalised body text: the same for an exact copy from another
   * source. Stories fingerprinted by earlier releases carry 64 hex (SHA-256), of which 16 are compared.
   */
  textHash: z
    .string()
    .regex(/^[0-9a-f]{16}(?:[0-9a-f]{48})?$/, 'must be 16 (or 64) hex characters')
    .optional(),
  /** 64-bit SimHash of the body's word shingles (16 hex): close for a near copy. */
  simhash: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'must be 16 hex characters')
    .optional(),
});

export type Story = z.infer<typeof storySchema>;
export type Subject = z.infer<typeof subjectSchema>;
export type StoryImage = z.infer<typeof imageSchema>;
export type StoryEntity = z.infer<typeof entitySchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
