/**
 * Builds bench payloads shaped like the example wire story: the same site chrome, with
 * headlines, dates and paragraph order varied so every story is distinct.
 */
import { readFixture, SEED_FIXTURE } from '@bulletin/wire/testing';

const PLACES = ['Rotherham', 'Rochdale', 'Oxford', 'Telford', 'Derby', 'Bristol', 'Leeds', 'Kent'];
const NOUNS = ['councils', 'authorities', 'boroughs', 'trusts', 'services', 'partnerships'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `count` distinct scraped-article payloads, deterministic for a given count. */
export function buildPayloads(count: number): string[] {
  const seed = readFixture(SEED_FIXTURE).toString('utf8');
  const lines = seed.split('\n');
  const headlineAt = lines.findIndex((line) => line.startsWith('Circumstances that led'));
  const dateAt = lines.findIndex((line) => line.trim() === '18.11.14');
  const bodyStart = headlineAt + 2;
  const bodyEnd = lines.findIndex((line) => line.startsWith('(Image:'));
  const body = lines.slice(bodyStart, bodyEnd).filter((line) => line.trim() !== '');
  const payloads: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const place = PLACES[i % PLACES.length];
    const noun = NOUNS[(i >> 3) % NOUNS.length];
    const rotated = [...body.slice(i % body.length), ...body.slice(0, i % body.length)];
    const copy = [...lines];
    copy[dateAt] =
      `${pad((i % 28) + 1)}.${pad((Math.floor(i / 28) % 12) + 1)}.${pad(10 + (i % 10))}`;
    copy[headlineAt] =
      `Circumstances that led to ${place} child abuse exist in other ${noun}, report ${i + 1} finds`;
    copy.splice(bodyStart, bodyEnd - bodyStart, ...rotated.flatMap((paragraph) => [paragraph, '']));
    payloads.push(copy.join('\n'));
  }
  return payloads;
}
