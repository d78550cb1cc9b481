/**
 * Distinct wire payloads for fault tests: scraped pages shaped like the example (one story
 * each) and one RSS document of many items, with the ids the pipeline must publish for them.
 */
import type { IngestJobData } from '@bulletin/contracts';
import { parseWire } from '@bulletin/wire';
import { readFixture, SEED_FIXTURE } from '@bulletin/wire/testing';

const SOURCE = { id: 'faults', name: 'Fault wire' };
const RECEIVED_AT = '2014-11-18T00:00:00.000Z';
const PLACES = ['Rotherham', 'Rochdale', 'Oxford', 'Telford', 'Derby', 'Bristol', 'Leeds', 'Kent'];

/** `count` distinct scraped pages of the example's shape. */
function pages(count: number, tag: string): string[] {
  const seed = readFixture(SEED_FIXTURE).toString('utf8');
  const headline = 'Circumstances that led to Rotherham child abuse exist in other councils';
  return Array.from({ length: count }, (_, i) =>
    seed.replace(
      headline,
      `Circumstances that led to ${PLACES[i % PLACES.length]} child abuse exist in other councils, ${tag} report ${i + 1} finds`,
    ),
  );
}

/** An RSS document of `count` council stories. */
function feed(count: number, tag: string): string {
  const items = Array.from(
    { length: count },
    (_, i) =>
      `<item><title>Council ${tag} agrees budget item ${i + 1}</title><guid>${tag}-item-${i + 1}</guid>` +
      `<link>https://example.gov.uk/${tag}/${i + 1}</link><pubDate>Tue, 18 Nov 2014 09:00:00 GMT</pubDate>` +
      `<description>The council's cabinet agreed budget item ${i + 1} for local services at its meeting on Tuesday, councillors said.</description></item>`,
  ).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://example.gov.uk/</link><description>Wire</description>${items}</channel></rss>`;
}

export interface WireLoad {
  jobs: IngestJobData[];
  /** Every story id the jobs must publish, once each. */
  ids: string[];
}

/** `pageCount` one-story payloads plus one feed of `itemCount` items; `tag` keeps runs distinct. */
export async function buildLoad(
  pageCount: number,
  itemCount: number,
  tag: string,
): Promise<WireLoad> {
  const payloads = [...pages(pageCount, tag), ...(itemCount > 0 ? [feed(itemCount, tag)] : [])];
  const jobs = payloads.map((payload): IngestJobData => ({
    source: SOURCE,
    receivedAt: RECEIVED_AT,
    encoding: 'utf8',
    payload,
  }));
  const ids: string[] = [];
  for (const job of jobs) {
    const { stories } = await parseWire({
      bytes: job.payload,
      source: SOURCE,
      receivedAt: RECEIVED_AT,
    });
    ids.push(...stories.map((story) => story.id));
  }
  return { jobs, ids };
}
