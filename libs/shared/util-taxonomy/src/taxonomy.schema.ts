import { z } from 'zod';

const phraseSchema = z.strictObject({
  /** As an editor would write it; matching folds case, accents, quotes and dashes. */
  text: z.string().trim().min(1, 'must not be empty'),
  /** How strongly one occurrence signals the topic. */
  weight: z.number().positive('must be greater than 0').finite('must be finite'),
});

const topicSchema = z.strictObject({
  /** Stable id and feed path segment, e.g. `child-protection`. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug'),
  name: z.string().trim().min(1, 'must not be empty'),
  /** IPTC Media Topic codes; at least one, the nearest fit when no exact topic exists. */
  codes: z
    .array(z.string().regex(/^medtop:\d{8}$/, 'must look like medtop:NNNNNNNN'))
    .min(1, 'must list at least one Media Topic code'),
  description: z.string().trim().min(1, 'must not be empty'),
  /**
   * Slugs this topic had before a rename; their feed URLs answer 301 with the new location.
   * @defaultValue []
   */
  formerSlugs: z
    .array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug'))
    .default([]),
  phrases: z.array(phraseSchema).min(1, 'must list at least one phrase'),
  /**
   * Phrases that argue against the topic (`Security Council` against local government). Their
   * hits subtract from the topic's score, and a longer negative phrase also swallows the positive
   * phrase inside it.
   */
  negative: z.array(phraseSchema).default([]),
});

/** Shape of `data/taxonomy.json`. */
export const taxonomySchema = z.strictObject({
  description: z.string().optional(),
  /** The Media Topic release the codes were checked against, e.g. `{ name, release: '2025' }`. */
  vocabulary: z
    .strictObject({ scheme: z.string().url(), name: z.string().min(1), release: z.string().min(1) })
    .optional(),
  topics: z.array(topicSchema).min(1, 'must list at least one topic'),
});

/** A phrase and its weight. */
export interface TaxonomyPhrase {
  readonly text: string;
  readonly weight: number;
}

/** One topic a story can be tagged with. */
export interface Topic {
  readonly slug: string;
  readonly name: string;
  readonly codes: readonly string[];
  readonly description: string;
  /** Slugs the topic was known by before; their feeds redirect here. */
  readonly formerSlugs: readonly string[];
  readonly phrases: readonly TaxonomyPhrase[];
  readonly negative: readonly TaxonomyPhrase[];
}

/** A validated, frozen taxonomy. Build one with `loadTaxonomy`. */
export interface Taxonomy {
  readonly topics: readonly Topic[];
  /** The Media Topic release the codes were checked against. */
  readonly vocabulary?: {
    readonly scheme: string;
    readonly name: string;
    readonly release: string;
  };
}
