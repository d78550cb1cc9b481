/**
 * The duplicates corpus: pairs of story texts, each known to be the same story (retitled,
 * truncated, re-wrapped by an agency, cut, reworded by hand) or a different story on the same
 * subject. Built from the text fixtures and the hand-written `fixtures/duplicates/` files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** How the second text of a pair was made from the first, or `different`. */
export type PairKind = 'retitled' | 'truncated' | 'agency' | 'cut' | 'reworded' | 'different';

/** Two story bodies and whether they are the same story. */
export interface DuplicatePair {
  name: string;
  kind: PairKind;
  duplicate: boolean;
  a: string;
  b: string;
}

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Headline and paragraphs of a hand-written corpus file: first line, then blank-line blocks. */
function readStory(path: string): { headline: string; paragraphs: string[] } {
  const [headline = '', ...paragraphs] = readFileSync(path, 'utf8')
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block !== '');
  return { headline, paragraphs };
}

function agencyCopy(paragraphs: readonly string[]): string {
  const [first = '', ...rest] = paragraphs;
  const straight = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  return ['By PA Reporter', `LONDON (PA) - ${straight(first)}`, ...rest.map(straight), 'ENDS'].join(
    '\n\n',
  );
}

/**
 * Every pair of the corpus. `bodies` maps a text fixture's name (without `.txt`) to its parsed
 * body paragraphs, so the corpus compares what the parser really produces.
 */
export function buildDuplicatePairs(
  bodies: ReadonlyMap<string, readonly string[]>,
): DuplicatePair[] {
  const pairs: DuplicatePair[] = [];
  const names = [...bodies.keys()].sort();
  for (const name of names) {
    const paragraphs = bodies.get(name) ?? [];
    const body = paragraphs.join('\n\n');
    const cut = Math.max(1, Math.ceil(paragraphs.length * 0.6));
    const middle = Math.floor(paragraphs.length / 2);
    pairs.push(
      { name, kind: 'retitled', duplicate: true, a: body, b: body },
      {
        name,
        kind: 'truncated',
        duplicate: true,
        a: body,
        b: paragraphs.slice(0, cut).join('\n\n'),
      },
      { name, kind: 'agency', duplicate: true, a: body, b: agencyCopy(paragraphs) },
      {
        name,
        kind: 'cut',
        duplicate: true,
        a: body,
        b: paragraphs
          .filter((_, index) => index !== middle && index !== paragraphs.length - 1)
          .join('\n\n'),
      },
    );
  }
  const dir = `${FIXTURES}duplicates/`;
  for (const file of readdirSync(dir).sort()) {
    const { paragraphs } = readStory(`${dir}${file}`);
    const text = paragraphs.join('\n\n');
    const base = file.replace(/^reworded-/, '').replace(/\.txt$/, '');
    const match = names.find((name) => name.startsWith(base));
    if (file.startsWith('reworded-') && match !== undefined) {
      pairs.push({
        name: file,
        kind: 'reworded',
        duplicate: true,
        a: (bodies.get(match) ?? []).join('\n\n'),
        b: text,
      });
    } else {
      // A different story on the subject of every fixture: same vocabulary, different facts.
      for (const name of names) {
        pairs.push({
          name: `${file}~${name}`,
          kind: 'different',
          duplicate: false,
          a: (bodies.get(name) ?? []).join('\n\n'),
          b: text,
        });
      }
    }
  }
  for (const [index, first] of names.entries()) {
    for (const second of names.slice(index + 1)) {
      pairs.push({
        name: `${first}~${second}`,
        kind: 'different',
        duplicate: false,
        a: (bodies.get(first) ?? []).join('\n\n'),
        b: (bodies.get(second) ?? []).join('\n\n'),
      });
    }
  }
  return pairs;
}

/** Precision and recall of "same story" = same textHash or SimHash within `threshold` bits. */
export interface DuplicateScore {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** Scores a fingerprint over the pairs at one Hamming-distance threshold. */
export function scoreDuplicates(
  pairs: readonly DuplicatePair[],
  fingerprint: (text: string) => { textHash: string; simhash: string },
  distance: (a: string, b: string) => number,
  threshold: number,
): DuplicateScore {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const pair of pairs) {
    const a = fingerprint(pair.a);
    const b = fingerprint(pair.b);
    const same = a.textHash === b.textHash || distance(a.simhash, b.simhash) <= threshold;
    if (same && pair.duplicate) truePositives += 1;
    else if (same) falsePositives += 1;
    else if (pair.duplicate) falseNegatives += 1;
  }
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  return {
    threshold,
    truePositives,
    falsePositives,
    falseNegatives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
  };
}
