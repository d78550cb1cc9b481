import type { FeedDescriptor } from '@bulletin/render';
import { NotFoundError } from '@bulletin/http';

/** A topic as the publisher shows it. */
export interface PublishedTopic {
  slug: string;
  name: string;
  description?: string;
  /** Slugs the topic had before a rename; their feeds answer 301 with this topic's. */
  formerSlugs?: readonly string[];
}

/** Every feed the site serves: `all` and one per topic. */
export interface FeedCatalog {
  /** @throws NotFoundError for a feed that does not exist */
  descriptor(feed: string): FeedDescriptor;
  keys(): string[];
}

/** Former slug → current slug, for every renamed topic. */
export function renamedTopics(topics: readonly PublishedTopic[]): Map<string, string> {
  return new Map(
    topics.flatMap((topic) => (topic.formerSlugs ?? []).map((former) => [former, topic.slug])),
  );
}

/** The feeds of a site: `all`, then each topic in taxonomy order. */
export function createFeedCatalog(
  siteTitle: string,
  topics: readonly PublishedTopic[],
): FeedCatalog {
  const feeds = new Map<string, FeedDescriptor>();
  feeds.set('all', {
    key: 'all',
    title: `${siteTitle}: all stories`,
    description: `Every story ${siteTitle} publishes, newest first.`,
  });
  for (const topic of topics) {
    feeds.set(`topics/${topic.slug}`, {
      key: `topics/${topic.slug}`,
      title: `${siteTitle}: ${topic.name}`,
      description: topic.description ?? `Stories about ${topic.name.toLowerCase()}, newest first.`,
      category: { slug: topic.slug, name: topic.name },
    });
  }
  return {
    descriptor(feed) {
      const found = feeds.get(feed);
      if (!found)
        throw new NotFoundError(feed.startsWith('topics/') ? 'unknown topic' : 'unknown feed');
      return found;
    },
    keys: () => [...feeds.keys()],
  };
}
