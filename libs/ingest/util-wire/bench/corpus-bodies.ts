/** Parsed body paragraphs of every text fixture, keyed by file name without `.txt`. */
import { parseWire } from '../src/index.js';
import { listFixtures, readFixture } from '../src/testing.js';

export async function fixtureBodies(): Promise<Map<string, string[]>> {
  const bodies = new Map<string, string[]>();
  for (const path of listFixtures('text')) {
    const { stories } = await parseWire({
      bytes: readFixture(path),
      source: { id: 'corpus', name: 'Corpus' },
      receivedAt: '2030-01-01T00:00:00Z',
    });
    const name = path.slice('text/'.length).replace(/\.txt$/, '');
    bodies.set(name, (stories[0]?.bodyText ?? '').split('\n\n'));
  }
  return bodies;
}
