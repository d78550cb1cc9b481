import { z } from 'zod';

// Only the fields bulletin maps are checked; everything else a wire adds passes through.
const text = z.string();
const entity = z.looseObject({ name: text.optional(), uri: text.optional() });
const valued = z.looseObject({
  value: text,
  role: text.optional(),
  contenttype: text.optional(),
});
const rendition = z.looseObject({ href: text.optional(), mimetype: text.optional() });
const association = z.looseObject({
  type: text.optional(),
  uri: text.optional(),
  headline: text.optional(),
  description_text: text.optional(),
  byline: text.optional(),
  by: text.optional(),
  copyrightholder: text.optional(),
  renditions: z.union([z.array(rendition), z.record(z.string(), rendition)]).optional(),
});
const link = z.looseObject({ href: text, rel: text.optional() });

/** `pubstatus` as wires write it; `cancelled` is the British spelling some send. */
const pubstatus = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.enum(['usable', 'withheld', 'canceled', 'cancelled']))
  .transform((value) => (value === 'cancelled' ? 'canceled' : value));

/** One ninjs 1.x, 2.x or 3.x news item, as far as bulletin reads it. */
export const ninjsItemSchema = z.looseObject({
  uri: text.trim().min(1, 'must not be empty'),
  type: text.optional(),
  version: z.union([text, z.number()]).optional(),
  firstcreated: text.optional(),
  versioncreated: text.optional(),
  contentcreated: text.optional(),
  embargoed: text.optional(),
  pubstatus: pubstatus.optional(),
  language: text.optional(),
  headline: text.optional(),
  headlines: z.array(valued).optional(),
  byline: text.optional(),
  by: text.optional(),
  body_text: text.optional(),
  body_html: text.optional(),
  body_xhtml: text.optional(),
  bodies: z.array(valued).optional(),
  description_text: text.optional(),
  description_html: text.optional(),
  descriptions: z.array(valued).optional(),
  ednote: text.optional(),
  person: z.array(entity).optional(),
  people: z.array(entity).optional(),
  organisation: z.array(entity).optional(),
  organisations: z.array(entity).optional(),
  place: z.array(entity).optional(),
  places: z.array(entity).optional(),
  associations: z.union([z.array(association), z.record(z.string(), association)]).optional(),
  links: z.array(link).optional(),
});

export type NinjsItem = z.infer<typeof ninjsItemSchema>;
export type NinjsAssociation = z.infer<typeof association>;
export type NinjsValued = z.infer<typeof valued>;
