import type { EnrichJobData } from '@bulletin/contracts';
import { createLogger } from '@bulletin/runtime';
import { parseStory } from '@bulletin/story';
import { makeStory } from '@bulletin/story/testing';
import { createTagger } from '@bulletin/tagger';
import { readRotherhamArticle } from '@bulletin/tagger/testing';
import { defaultTaxonomy } from '@bulletin/taxonomy';
import { describe, expect, it } from 'vitest';
import { enrichStory, processEnrich } from './index.js';

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

  it('stores the example story’s entities, evidence and a summary from its own lede', async () => {
    const { headline, bodyText } = readRotherhamArticle();
    const story = makeStory('rotherham', { headline, bodyText, summary: 'From the feed.' });
    const run = handOffs();
    await processEnrich({ story }, run.context, { tagger });
    const handed = run.items[0]?.story;
    expect(handed?.subjects.map((s) => s.slug).sort()).toEqual([
      'child-protection',
      'local-government',
    ]);
    for (const subject of handed?.subjects ?? []) {
      expect(subject.evidence?.length, subject.slug).toBeGreaterThan(0);
      expect(subject.evidence?.every((e) => e.where.length > 0)).toBe(true);
    }
    expect(handed?.people.map((p) => p.name)).toEqual(['Clive Betts', 'Alexis Jay']);
    expect(handed?.organisations.map((o) => o.name)).toEqual([
      'Rotherham Metropolitan Borough Council',
      'Communities and Local Government Committee',
      'Ofsted',
    ]);
    expect(handed?.places.map((p) => p.name)).toEqual(['Rotherham', 'England']);
    expect(handed?.summary).toBe(
      'The circumstances found within Rotherham council that allowed over 1,400 children in the area to be sexually abused over 16 years are likely to be found in other local authorities, an inquiry from the Communities and Local Government Committee has found.',
    );
    // What goes on must still be a valid story.
    expect(parseStory(handed)).toEqual(handed);
  });

  it('keeps the source’s own entities first, without repeating one', () => {
    const story = makeStory('own', {
      bodyText: 'Ofsted and Leeds City Council spoke.',
      organisations: [{ name: 'Ofsted', uri: 'https://www.gov.uk/ofsted' }],
    });
    expect(enrichStory(story, tagger).organisations).toEqual([
      { name: 'Ofsted', uri: 'https://www.gov.uk/ofsted' },
      { name: 'Leeds City Council', kind: 'local-authority' },
    ]);
  });

  it('carries a re-tag run on, so publishing knows to replace the tags', async () => {
    const run = handOffs();
    await processEnrich({ story: makeStory('retag'), retag: 'rev2' }, run.context, { tagger });
    expect(run.items[0]?.retag).toBe('rev2');
  });
});
