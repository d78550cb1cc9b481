import { createLogger } from '@bulletin/runtime';
import { createMemoryStore } from '@bulletin/store/testing';
import { makeStory } from '@bulletin/story/testing';
import { describe, expect, it } from 'vitest';
import { processPublish } from './index.js';

const log = createLogger({ level: 'silent' });

describe('processPublish', () => {
  it('publishes once, and asks to run again at the embargo time of a held version', async () => {
    const { store } = createMemoryStore();
    const later: [string, number][] = [];
    const context = {
      log,
      later: async (data: { story: { id: string } }, at: number) =>
        void later.push([data.story.id, at]),
    };
    const now = () => Date.parse('2014-11-18T00:00:00.000Z');
    const story = makeStory('p');
    expect((await processPublish({ story }, context, { store, now })).outcome).toBe('published');
    expect((await processPublish({ story }, context, { store, now })).outcome).toBe('duplicate');
    const held = makeStory('e', { embargoed: '2014-11-18T06:00:00.000Z' });
    expect((await processPublish({ story: held }, context, { store, now })).outcome).toBe('held');
    expect(later).toEqual([[held.id, Date.parse('2014-11-18T06:00:00.000Z')]]);
  });
});
