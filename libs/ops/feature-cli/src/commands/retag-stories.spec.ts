import type { EnrichJobData } from '@bulletin/contracts';
import { createMemoryStore } from '@bulletin/store/testing';
import { makeStory } from '@bulletin/story/testing';
import { describe, expect, it } from 'vitest';
import { retagStories } from './retag-stories.js';

const NOW = Date.parse('2014-11-20T00:00:00.000Z');
const subject = (slug: string) => ({
  slug,
  name: slug,
  codes: ['medtop:20000612'],
  confidence: 0.9,
  matched: ['council'],
});

async function stored() {
  const stores = createMemoryStore();
  const days = ['2014-11-16', '2014-11-17', '2014-11-18', '2014-11-19', '2014-11-20'];
  for (const [i, day] of days.entries()) {
    const story = makeStory(`s${i}`, {
      firstcreated: `${day}T09:00:00.000Z`,
      subjects: i % 2 === 0 ? [subject('housing')] : [],
    });
    await stores.store.publish(story, { now: NOW });
  }
  return stores;
}

async function run(options: { feed?: string; since?: number; pageSize?: number } = {}) {
  const stores = await stored();
  const queued: EnrichJobData[] = [];
  const progress: [number, number][] = [];
  const count = await retagStories({
    ...stores,
    feed: options.feed ?? 'all',
    ...(options.since === undefined ? {} : { since: options.since }),
    pageSize: options.pageSize ?? 2,
    revision: 'abc123',
    enqueue: async (items) => void queued.push(...items),
    progress: (done, total) => void progress.push([done, total]),
  });
  return { count, queued, progress };
}

describe('retagStories', () => {
  it('queues every published story, page by page, as a re-tag run of the revision', async () => {
    const { count, queued, progress } = await run();
    expect(count).toBe(5);
    expect(queued.map((item) => item.retag)).toEqual(Array(5).fill('abc123'));
    expect(new Set(queued.map((item) => item.story.id)).size).toBe(5);
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it('takes only the stories since a date, or now in one topic', async () => {
    expect((await run({ since: Date.parse('2014-11-19T00:00:00Z') })).count).toBe(2);
    const topic = await run({ feed: 'topics/housing' });
    expect(topic.count).toBe(3);
    expect(topic.queued.every((item) => item.story.subjects[0]?.slug === 'housing')).toBe(true);
  });
});
