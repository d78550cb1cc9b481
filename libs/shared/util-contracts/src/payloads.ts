import { StoryValidationError, formatIssues, storySchema } from '@bulletin/story';
import { z } from 'zod';

const sourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be a short lower-case id'),
  name: z.string().min(1).max(200),
});

/** The largest raw payload any producer may enqueue (bytes, before base64). */
export const MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

/** A raw wire payload as it arrived: bytes (as text or base64) plus where it came from. */
export const ingestJobSchema = z.object({
  source: sourceSchema,
  receivedAt: z.iso.datetime({ offset: true }),
  filename: z.string().max(1000).optional(),
  /** The `Content-Type` the payload arrived with (HTTP push or poll), for its charset. */
  contentType: z.string().max(200).optional(),
  encoding: z.enum(['utf8', 'base64']),
  payload: z
    .string()
    .min(1, 'must not be empty')
    .max(Math.ceil(MAX_PAYLOAD_BYTES / 3) * 4, 'is over the payload limit'),
});

/**
 * A parsed story on its way to tagging. `retag` names the taxonomy revision of a re-tagging
 * run, so that run is a job of its own rather than a repeat of the first tagging.
 */
export const enrichJobSchema = z.object({
  story: storySchema,
  retag: z.string().min(1).max(64).optional(),
});

/** A tagged story on its way to the store and the feeds: the stage that publishes. */
export const publishJobSchema = enrichJobSchema;

/** A feed whose content changed: its WebSub hubs are to be told. */
export const notifyJobSchema = z.object({
  /** `all` or `topics/{slug}`. */
  feed: z
    .string()
    .regex(/^(all|topics\/[a-z0-9]+(?:-[a-z0-9]+)*)$/, 'must be all or topics/{slug}'),
});

/** A feed source to poll now: fired by its job scheduler, or by `bulletin poll`. */
export const pollJobSchema = z.object({ sourceId: sourceSchema.shape.id });

export type PollJobData = z.infer<typeof pollJobSchema>;
/** An edition's digest run: the scheduler's jobs carry the edition; a manual run its time. */
export const digestJobSchema = z.object({
  edition: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be an edition name'),
  /** The run's time (ISO); scheduled runs take it from their slot. */
  at: z.iso.datetime({ offset: true }).optional(),
});

export type DigestJobData = z.infer<typeof digestJobSchema>;
export type NotifyJobData = z.infer<typeof notifyJobSchema>;
export type IngestJobData = z.infer<typeof ingestJobSchema>;
export type EnrichJobData = z.infer<typeof enrichJobSchema>;
export type PublishJobData = z.infer<typeof publishJobSchema>;
export type WireSource = z.infer<typeof sourceSchema>;

/** Validates job data with `schema`. @throws StoryValidationError (permanent) naming each field */
export function parseWith<T>(schema: z.ZodType<T>, what: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const error = new StoryValidationError(formatIssues(result.error));
  error.message = `${what} job data is invalid: ${error.issues.join('; ')}`;
  throw error;
}
