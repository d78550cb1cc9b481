/**
 * Time to render one 50-item topic feed in each format, a story page and a ninjs document,
 * beside `feed` 5.2.1 laying out the same Atom items unguarded (the cost our escaping and
 * checks add). Not a test: run from the workspace root with
 *   node --import tsx libs/publishing/util-render/bench/render.bench.ts
 * Prints the figures and writes bench/results/render.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Feed } from 'feed';
import {
  renderFeed,
  renderNinjs,
  renderStoryPage,
  type FeedDescriptor,
  type FeedFormat,
} from '../src/index.js';
import { buildRenderContext, buildStory } from '../src/testing.js';

const WARMUP_MS = 500;
const MEASURE_MS = 2_000;
const RESULTS = new URL('../../../../bench/results/render.json', import.meta.url);
const ctx = buildRenderContext({
  baseUrl: 'https://news.example.org',
  hubUrl: 'https://hub.example.org/',
});
const feed: FeedDescriptor = {
  key: 'topics/child-protection',
  title: 'bulletin: Child protection',
  description: 'Stories about child protection, newest first.',
  category: { slug: 'child-protection', name: 'Child protection' },
};
const paragraph = '<p>The council said the new hub would serve three towns & their families.</p>';
const stories = Array.from({ length: 50 }, (_, index) =>
  buildStory({
    id: `s${String(index).padStart(19, '0')}`,
    uri: `urn:bulletin:gov-uk:item-${index}`,
    bodyHtml: paragraph.repeat(12),
    versioncreated: new Date(Date.UTC(2024, 2, 1, 10, index)).toISOString(),
  }),
);

/** Milliseconds per call, after a warm-up so the JIT has settled. */
function measure(run: () => string): number {
  let bytes = 0;
  const runFor = (ms: number): { count: number; elapsed: number } => {
    const start = performance.now();
    let count = 0;
    while (performance.now() - start < ms) {
      bytes += run().length;
      count += 1;
    }
    return { count, elapsed: performance.now() - start };
  };
  runFor(WARMUP_MS);
  const { count, elapsed } = runFor(MEASURE_MS);
  if (bytes < 0) console.log(bytes); // keeps the output observable to the optimiser
  return elapsed / count;
}

function unguardedAtom(): string {
  const atom = new Feed({ id: 'x', title: feed.title, updated: new Date(0), link: ctx.baseUrl });
  for (const story of stories) {
    atom.addItem({
      title: story.headline,
      id: story.uri,
      link: `${ctx.baseUrl}/stories/${story.id}`,
      date: new Date(story.versioncreated),
      content: story.bodyHtml,
      author: [{ name: story.byline ?? '' }],
    });
  }
  return atom.atom1();
}

const figures: Record<string, number> = {};
for (const format of ['atom', 'rss', 'json'] as FeedFormat[]) {
  figures[`feed50_${format}_ms`] = measure(() => renderFeed(format, feed, stories, ctx));
}
figures.feed50_atom_unguarded_feed_ms = measure(unguardedAtom);
const one = stories[0] ?? buildStory();
figures.story_page_ms = measure(() => renderStoryPage(one, ctx));
figures.ninjs_ms = measure(() => JSON.stringify(renderNinjs(one, ctx)));

const rounded = Object.fromEntries(
  Object.entries(figures).map(([name, ms]) => [name, Number(ms.toFixed(3))]),
);
console.table(rounded);
mkdirSync(new URL('.', RESULTS), { recursive: true });
writeFileSync(
  RESULTS,
  `${JSON.stringify({ node: process.version, items: stories.length, ...rounded }, null, 2)}\n`,
);
