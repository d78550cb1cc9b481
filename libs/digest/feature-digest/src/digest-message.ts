import type { EditionConfig } from '@bulletin/config';
import { composeMail, type ComposedMail } from '@bulletin/mailer';
import { renderDigest, selectStories, storiesOf } from '@bulletin/newsletter';
import type { Story } from '@bulletin/story';
import type { Subscriber } from '@bulletin/subscribers';
import type { DigestDeps } from './digest-deps.js';
import { envelopeFrom, subscriberLinks } from './links.js';

export interface DigestMessage {
  mail: ComposedMail;
  storyIds: string[];
}

/**
 * One subscriber's digest as a composed message, or `undefined` when nothing is new for them.
 * The Message-ID is the run's and the address key's, so every attempt of this run for this
 * subscriber carries the same one.
 */
export async function buildDigestMessage(
  deps: Pick<DigestDeps, 'config' | 'secret' | 'topics'>,
  edition: EditionConfig,
  subscriber: Subscriber,
  stories: readonly Story[],
  seen: ReadonlySet<string>,
  at: Date,
  messageId: string,
): Promise<DigestMessage | undefined> {
  const sections = selectStories({
    stories,
    follows: subscriber.topics,
    seen,
    topics: deps.topics,
  });
  if (sections.length === 0) return undefined;
  const links = subscriberLinks(deps, subscriber, at.getTime());
  const rendered = renderDigest({
    siteTitle: deps.config.publishing.siteTitle,
    edition: edition.name,
    baseUrl: deps.config.http.publicUrl,
    at,
    tz: edition.tz,
    sections,
    links,
  });
  const mail = await composeMail({
    messageId,
    from: deps.config.digest.mailFrom,
    envelopeFrom: envelopeFrom(deps.config.digest.mailFrom),
    to: subscriber.email,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    date: at,
    headers: links.headers,
  });
  return { mail, storyIds: storiesOf(sections).map((story) => story.id) };
}
