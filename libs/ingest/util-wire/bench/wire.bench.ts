/**
 * Normalisation throughput of `parseWire` per format, stories per second on one core (one
 * thread, no worker). Not a test: run from the workspace root with
 *   npm run bench:wire
 * Prints one line per format and writes bench/out/wire.json; with `-- --record`,
 * bench/results/wire.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseWire, type WireInput } from '../src/index.js';
import { readFixture, SEED_FIXTURE } from '../src/testing.js';

const WARMUP_MS = 500;
const MEASURE_MS = 2_000;
// Like `npm run bench`: a run leaves the tree clean unless it is asked to record.
const RESULTS = new URL(
  `../../../../bench/${process.argv.includes('--record') ? 'results' : 'out'}/wire.json`,
  import.meta.url,
);
const source = { id: 'bench', name: 'Bench' };
const receivedAt = '2030-01-01T00:00:00Z';

/** A feed of 20 copies of the fixture's items, each with its own guid, as a poll would bring. */
function repeatItems(path: string, element: 'item' | 'entry'): Buffer {
  const xml = readFixture(path).toString('utf8');
  const first = xml.indexOf(`<${element}`);
  const last = xml.lastIndexOf(`</${element}>`) + element.length + 3;
  const items = xml.slice(first, last);
  const copies = Array.from({ length: 20 }, (_, copy) =>
    items.replace(/<(guid|id)(\s[^>]*)?>([^<]*)<\/\1>/g, `<$1$2>$3-${copy}</$1>`),
  );
  return Buffer.from(xml.slice(0, first) + copies.join('\n') + xml.slice(last));
}

const PAYLOADS: ReadonlyArray<readonly [string, Buffer]> = [
  ['text', readFixture(SEED_FIXTURE)],
  ['rss', repeatItems('rss/normal.xml', 'item')],
  ['atom', repeatItems('atom/normal.xml', 'entry')],
  ['ninjs', readFixture('ninjs/v1-pa-housing.json')],
  ['nitf', readFixture('nitf/pa-council-tax.xml')],
  ['html', readFixture('html/calderbrook-library-hours.html')],
];

async function measure(input: WireInput): Promise<{ storiesPerSecond: number; stories: number }> {
  const runFor = async (ms: number) => {
    const start = performance.now();
    let stories = 0;
    let elapsed = 0;
    while (elapsed < ms) {
      stories += (await parseWire(input)).stories.length;
      elapsed = performance.now() - start;
    }
    return { stories, elapsed };
  };
  await runFor(WARMUP_MS);
  const { stories, elapsed } = await runFor(MEASURE_MS);
  const perPayload = (await parseWire(input)).stories.length;
  return { storiesPerSecond: Math.round((stories / elapsed) * 1000), stories: perPayload };
}

async function main(): Promise<void> {
  const results: Record<
    string,
    { storiesPerSecond: number; storiesPerPayload: number; bytes: number }
  > = {};
  console.log(`parseWire, one core, node ${process.version}`);
  for (const [format, bytes] of PAYLOADS) {
    const { storiesPerSecond, stories } = await measure({ bytes, source, receivedAt });
    results[format] = { storiesPerSecond, storiesPerPayload: stories, bytes: bytes.length };
    const size = `${(bytes.length / 1024).toFixed(1)} kB, ${stories} stor${stories === 1 ? 'y' : 'ies'}`;
    console.log(
      `${format.padEnd(6)} ${storiesPerSecond.toLocaleString('en-GB').padStart(8)} stories/s  (${size} a payload)`,
    );
  }
  mkdirSync(new URL('.', RESULTS), { recursive: true });
  const record = { ...results, node: process.version, date: new Date().toISOString() };
  writeFileSync(RESULTS, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${RESULTS.pathname}`);
}

await main();
