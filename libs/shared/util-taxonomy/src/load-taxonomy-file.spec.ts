import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTaxonomy } from './default-taxonomy.js';
import { TaxonomyError } from './errors.js';
import { loadTaxonomyFile, resolveTaxonomy, taxonomyVersion } from './load-taxonomy-file.js';

const dir = mkdtempSync(join(tmpdir(), 'bulletin-taxonomy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const valid = {
  topics: [
    {
      slug: 'libraries',
      name: 'Libraries',
      codes: ['medtop:01000000'],
      description: 'Public libraries.',
      phrases: [{ text: 'library closures', weight: 3 }],
    },
  ],
};

describe('loadTaxonomyFile', () => {
  it('reads an operator file', () => {
    const taxonomy = loadTaxonomyFile(write('ok.json', JSON.stringify(valid)));
    expect(taxonomy.topics.map((t) => t.slug)).toEqual(['libraries']);
  });

  it('names the file in every problem', () => {
    const path = write('bad.json', JSON.stringify({ topics: [{ ...valid.topics[0], codes: [] }] }));
    expect(() => loadTaxonomyFile(path)).toThrow(
      `${path}: topic "libraries": codes: must list at least one Media Topic code`,
    );
  });

  it('reports unreadable and non-JSON files as taxonomy errors', () => {
    expect(() => loadTaxonomyFile(join(dir, 'missing.json'))).toThrow(TaxonomyError);
    expect(() => loadTaxonomyFile(write('text.json', 'topics:'))).toThrow(/text\.json: .*JSON/);
  });
});

describe('resolveTaxonomy and taxonomyVersion', () => {
  it('falls back to the default taxonomy without a file', () => {
    expect(resolveTaxonomy(undefined)).toBe(defaultTaxonomy);
  });

  it('gives equal taxonomies one version and an edit another', () => {
    const a = loadTaxonomyFile(write('a.json', JSON.stringify(valid)));
    const b = loadTaxonomyFile(write('b.json', JSON.stringify(valid)));
    expect(taxonomyVersion(a)).toBe(taxonomyVersion(b));
    expect(taxonomyVersion(a)).toMatch(/^[0-9a-f]{12}$/);
    expect(taxonomyVersion(a)).not.toBe(taxonomyVersion(defaultTaxonomy));
  });
});
