import type { EnrichJobData } from '@bulletin/contracts';
import { createLogger } from '@bulletin/runtime';
import { makeStory } from '@bulletin/story/testing';
import { createTagger } from '@bulletin/tagger';
import { readRotherhamArticle } from '@bulletin/tagger/testing';
import { defaultTaxonomy } from '@bulletin/taxonomy';
import { describe, expect, it } from 'vitest';
import { processEnrich } from './index.js';

const log = createLogger({ level: 'silent' });
const tagger = createTagger(defaultTaxonomy);

function handOffs() {
  const items: EnrichJobData[] = [];
  return {
    items,
    context: { log, handOff: async (next: readonly EnrichJobData[]) => void items.push(...next) },
  };
}

describe('processEnrich', () => {
  it('tags the example story and hands it on with its subjects and their evidence', async () => {
    const { headline, bodyText } = readRotherhamArticle();
    const story = makeStory('rotherham', { headline, bodyText });
    const run = handOffs();
    const result = await processEnrich({ story }, run.context, { tagger });
    expect(result.topics).toEqual(expect.arrayContaining(['child-protection', 'local-government']));
    const [handed] = run.items;
    expect(handed?.story.subjects.map((subject) => subject.slug)).toEqual(result.topics);
    expect(handed?.story.subjects[0]?.matched.length).toBeGreaterThan(0);
    expect(handed?.retag).toBeUndefined();
  });

  it('carries a re-tag run on, so publishing knows to replace the tags', async () => {
    const run = handOffs();
    await processEnrich({ story: makeStory('retag'), retag: 'rev2' }, run.context, { tagger });
    expect(run.items[0]?.retag).toBe('rev2');
  });
});
