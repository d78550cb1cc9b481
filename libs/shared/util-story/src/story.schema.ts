import { z } from 'zod';

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
});

const entitySchema = z.object({ name: z.string().min(1), uri: z.string().optional() });

export const imageSchema = z.object({
  href: z.string().url().optional(),
  caption: z.string().optional(),
  credit: z.string().optional(),
});

const isoDate = z.iso.datetime({ offset: true });

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
  /** 1 for the first version; each changed re-delivery adds one. */
  version: z.number().int().min(1),
  versioncreated: isoDate,
  firstcreated: isoDate,
  pubstatus: z.enum(['usable', 'withheld', 'canceled']),
  headline: z.string().trim().min(1, 'must not be empty').max(1000),
  byline: z.string().optional(),
  /** Plain-text body, paragraphs separated by a blank line. */
  bodyText: z.string().min(1, 'must not be empty'),
  /** Sanitised HTML body: no scripts, handlers or non-http(s) URLs. */
  bodyHtml: z.string().min(1, 'must not be empty'),
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
});

export type Story = z.infer<typeof storySchema>;
export type Subject = z.infer<typeof subjectSchema>;
export type StoryImage = z.infer<typeof imageSchema>;
export type StoryEntity = z.infer<typeof entitySchema>;
