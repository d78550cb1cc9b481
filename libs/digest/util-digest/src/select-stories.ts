import type { Story } from '@bulletin/story';

/** A topic as a digest names it. */
export interface DigestTopic {
  slug: string;
  name: string;
}

/** One topic's section of a digest, newest story first. */
export interface DigestSection {
  topic: DigestTopic;
  stories: Story[];
}

export interface SelectStoriesOptions {
  /** Published since the edition's watermark (killed ones are already out of the feeds). */
  stories: readonly Story[];
  /** The subscriber's topic slugs. */
  follows: readonly string[];
  /** Story ids this subscriber has had in an earlier digest: never again, not even updated. */
  seen: ReadonlySet<string>;
  /** Every topic, in the order sections appear. */
  topics: readonly DigestTopic[];
}

function newestFirst(a: Story, b: Story): number {
  return b.firstcreated.localeCompare(a.firstcreated) || a.id.localeCompare(b.id);
}

/**
 * One subscriber's digest: the new stories on the topics they follow, each once, under the
 * first of its own topics (primary first) that they follow; sections in topic order, stories
 * newest first. Empty when there is nothing new for them.
 */
export function selectStories(options: SelectStoriesOptions): DigestSection[] {
  const follows = new Set(options.follows);
  const bySlug = new Map<string, Story[]>();
  for (const story of options.stories) {
    if (options.seen.has(story.id) || story.pubstatus !== 'usable') continue;
    const slug = story.subjects.find((subject) => follows.has(subject.slug))?.slug;
    if (slug === undefined) continue;
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), story]);
  }
  return options.topics
    .filter((topic) => bySlug.has(topic.slug))
    .map((topic) => ({ topic, stories: (bySlug.get(topic.slug) ?? []).sort(newestFirst) }));
}

/** The stories of a digest in reading order. */
export function storiesOf(sections: readonly DigestSection[]): Story[] {
  return sections.flatMap((section) => section.stories);
}
