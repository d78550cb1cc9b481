import { isHttpUrl, stripInvalidChars as clean } from '@bulletin/markup';
import {
  storyBodyHtml,
  type Story,
  type StoryEntity,
  type StoryImage,
  type Subject,
} from '@bulletin/story';
import { mediaTopic } from './iptc.js';
import {
  NINJS_STANDARD,
  type NinjsAssociation,
  type NinjsBlock,
  type NinjsConcept,
  type NinjsDocument,
  type NinjsRendition,
} from './ninjs-types.js';
import { parseInstant } from './parse-instant.js';
import type { RenderContext } from './render-types.js';
import { storyTimes } from './story-times.js';
import { isAbsoluteUri, requireHttpUrl, toUri } from './uri.js';
import { ninjsUrl, storyUrl } from './urls.js';

/** Choices of {@link renderNinjs}. */
export interface NinjsOptions {
  /**
   * `partial` leaves the bodies out, for lists such as `GET /api/stories` (ninjs's own advice
   * for "a short extract provided as the results of an API call").
   * @defaultValue `'full'`
   */
  representation?: 'full' | 'partial';
}

function textBlock(role: string, contenttype: string, value: string): NinjsBlock {
  return { role, contenttype, value: clean(value) };
}

function bodies(story: Story): NinjsBlock[] {
  const text = clean(story.bodyText);
  const counts = {
    charcount: [...text].length,
    wordcount: text.split(/\s+/).filter((word) => word !== '').length,
  };
  return [
    { ...textBlock('main', 'text/html', storyBodyHtml(story)), ...counts },
    { ...textBlock('main', 'text/plain', text), ...counts },
  ];
}

function subjects(subject: Subject): NinjsConcept[] {
  const name = clean(subject.name);
  // ninjs confidence is a whole percentage; ours is a fraction.
  const confidence = Math.round(subject.confidence * 100);
  const topics = subject.codes.map(mediaTopic).filter((topic) => topic !== undefined);
  if (topics.length === 0)
    return [{ name, rel: 'about', literal: clean(subject.slug), confidence }];
  return topics.map((topic) => ({
    name,
    rel: 'about',
    uri: topic.uri,
    literal: topic.qcode,
    confidence,
  }));
}

function entity(value: StoryEntity): NinjsConcept {
  const uri = value.uri === undefined ? undefined : clean(value.uri);
  return { name: clean(value.name), uri: isAbsoluteUri(uri) ? uri : undefined };
}

function picture(image: StoryImage, index: number): NinjsAssociation {
  const href = toUri(clean(image.href ?? ''));
  const caption = clean(image.caption?.trim() ?? '');
  const credit = clean(image.credit?.trim() ?? '');
  return {
    name: `picture-${index + 1}`,
    uri: href,
    type: 'picture',
    by: credit === '' ? undefined : credit,
    descriptions: caption === '' ? undefined : [textBlock('caption', 'text/plain', caption)],
    renditions: [{ name: 'original', href }],
  };
}

function renditions(story: Story, baseUrl: string): NinjsRendition[] {
  const ours: NinjsRendition[] = [
    { name: 'html', href: toUri(storyUrl(baseUrl, story.id)), contenttype: 'text/html' },
    { name: 'ninjs', href: toUri(ninjsUrl(baseUrl, story.id)), contenttype: 'application/json' },
  ];
  if (!isHttpUrl(story.link)) return ours;
  return [...ours, { name: 'source', href: toUri(clean(story.link)), contenttype: 'text/html' }];
}

/**
 * A story as an IPTC ninjs 2.1 document (`GET /stories/{id}.json`): uri (the story URI as a
 * valid URI, the same id its feed entries carry), version (a string, as ninjs wants),
 * versioncreated, firstcreated and embargoed in UTC (a date-only story at the start of its day
 * in Europe/London), pubstatus, language, by, headlines, descriptions (summary), bodies (HTML
 * and plain text, with counts), subjects (each IPTC Media Topic as `uri` and QCode `literal`,
 * confidence 0-100), people, organisations, places, the source as infosource, our id as altid,
 * the story page, this document and the original as renditions, and each picture as an association with its
 * caption and credit. A withheld or killed story renders with that pubstatus; whether to serve
 * it is the caller's choice. Deterministic: key order is fixed, nothing reads the clock.
 * @example reply.type('application/json; charset=utf-8').send(JSON.stringify(renderNinjs(story, ctx)));
 * @throws RenderError `RENDER_INVALID_DATE` for an unparseable date; `RENDER_INVALID_URL` for a
 * relative base URL.
 */
export function renderNinjs(
  story: Story,
  ctx: RenderContext,
  options: NinjsOptions = {},
): NinjsDocument {
  const baseUrl = requireHttpUrl(ctx.baseUrl, 'baseUrl');
  const times = storyTimes(story);
  const full = (options.representation ?? 'full') === 'full';
  const byline = clean(story.byline?.trim() ?? '');
  const summary = clean(story.summary.trim());
  return {
    uri: toUri(clean(story.uri)),
    standard: NINJS_STANDARD,
    type: 'text',
    representationtype: full ? 'full' : 'partial',
    version: String(story.version),
    firstcreated: times.published.toISOString(),
    versioncreated: times.updated.toISOString(),
    embargoed:
      story.embargoed === undefined
        ? undefined
        : parseInstant(story.embargoed, `story ${story.id} embargoed`).toISOString(),
    pubstatus: story.pubstatus,
    language: clean(story.language),
    by: byline === '' ? undefined : byline,
    headlines: [textBlock('main', 'text/plain', story.headline)],
    descriptions: summary === '' ? undefined : [textBlock('summary', 'text/plain', summary)],
    bodies: full ? bodies(story) : undefined,
    subjects: story.subjects.flatMap(subjects),
    people: story.people.map(entity),
    organisations: story.organisations.map(entity),
    places: story.places.map(entity),
    infosources: [{ name: clean(story.source.name), literal: clean(story.source.id) }],
    altids: [{ role: 'bulletin-id', value: story.id }],
    renditions: renditions(story, baseUrl),
    associations: story.images.filter((image) => isHttpUrl(image.href)).map(picture),
  };
}
