/** Tagging alone: stories per second on one core, 600-900 word stories, the default taxonomy. */
import { createTagger } from '@bulletin/tagger';
import { defaultTaxonomy } from '@bulletin/taxonomy';
import { parseWire } from '@bulletin/wire';

export interface TaggingFigures {
  storiesPerSecond: number;
  averageWords: number;
}

export async function benchTagging(payloads: readonly string[]): Promise<TaggingFigures> {
  const stories = [];
  for (const bytes of payloads) {
    stories.push(
      ...(
        await parseWire({
          bytes,
          source: { id: 'bench', name: 'Bench wire' },
          receivedAt: '2014-11-18T00:00:00.000Z',
        })
      ).stories,
    );
  }
  const tagger = createTagger(defaultTaxonomy);
  for (const story of stories.slice(0, 500)) tagger.tag(story);
  const rounds = 5;
  const started = performance.now();
  for (let r = 0; r < rounds; r += 1) for (const story of stories) tagger.tag(story);
  const seconds = (performance.now() - started) / 1000;
  const words = stories.reduce((sum, story) => sum + story.bodyText.split(/\s+/).length, 0);
  return {
    storiesPerSecond: Math.round((stories.length * rounds) / seconds),
    averageWords: Math.round(words / stories.length),
  };
}
