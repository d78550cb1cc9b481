import { StoryValidationError, formatIssues, storySchema } from '@bulletin/story';
import { z } from 'zod';

const sourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be a short lower-case id'),
  name: z.string().min(1).max(200),
});

/** A raw wire payload as it arrived: bytes (as text or base64) plus where it came from. */
export const ingestJobSchema = z.object({
  source: sourceSchema,
  receivedAt: z.iso.datetime({ offset: true }),
  filename: z.string().max(1000).optional(),
  encoding: z.enum(['utf8', 'base64']),
  payload: z.string().min(1, 'must not be empty'),
});

/**
 * A stored story version waiting to be tagged, with the text the tagger reads. Carrying that
 * text (not the whole story: no HTML, no metadata) spares the enricher a read of the store.
 */
export const enrichJobSchema = z.object({
  id: storySchema.shape.id,
  version: z.number().int().min(1),
  firstcreated: storySchema.shape.firstcreated,
  headline: z.string(),
  summary: z.string(),
  bodyText: z.string(),
});

/** A stored, tagged story version to put into the feed indexes. */
export const publishJobSchema = z.object({
  id: storySchema.shape.id,
  version: z.number().int().min(1),
  /** Sort key in feeds: the story's first publication, epoch milliseconds. */
  publishedAt: z.number().int(),
  topics: z.array(z.string().min(1)),
});

export type IngestJobData = z.infer<typeof ingestJobSchema>;
export type EnrichJobData = z.infer<typeof enrichJobSchema>;
export type PublishJobData = z.infer<typeof publishJobSchema>;
export type WireSource = z.infer<typeof sourceSchema>;

function parseWith<T>(schema: z.ZodType<T>, what: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const error = new StoryValidationError(formatIssues(result.error));
  error.message = `${what} job data is invalid: ${error.issues.join('; ')}`;
  throw error;
}

/** Validates `ingest` job data at the worker boundary. @throws StoryValidationError (permanent) */
export const parseIngestJob = (value: unknown): IngestJobData =>
  parseWith(ingestJobSchema, 'ingest', value);

/** Validates `enrich` job data at the worker boundary. @throws StoryValidationError (permanent) */
export const parseEnrichJob = (value: unknown): EnrichJobData =>
  parseWith(enrichJobSchema, 'enrich', value);

/** Validates `publish` job data at the worker boundary. @throws StoryValidationError (permanent) */
export const parsePublishJob = (value: unknown): PublishJobData =>
  parseWith(publishJobSchema, 'publish', value);
