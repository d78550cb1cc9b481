import { isPermanentError } from '@bulletin/errors';
import { describe, expect, it } from 'vitest';
import { TaxonomyError } from './errors.js';
import { loadTaxonomy } from './load-taxonomy.js';

function topic(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slug: 'local-government',
    name: 'Local government',
    codes: ['medtop:20000612'],
    description: 'Councils.',
    phrases: [{ text: 'council', weight: 1 }],
    ...overrides,
  };
}

function issuesOf(data: unknown): readonly string[] {
  try {
    loadTaxonomy(data);
  } catch (error) {
    if (error instanceof TaxonomyError) return error.issues;
    throw error;
  }
  throw new Error('expected a TaxonomyError');
}

describe('loadTaxonomy', () => {
  it('returns a deeply frozen taxonomy with negative phrases defaulted', () => {
    const taxonomy = loadTaxonomy({ topics: [topic()] });
    expect(taxonomy.topics[0]?.negative).toEqual([]);
    expect(Object.isFrozen(taxonomy)).toBe(true);
    expect(Object.isFrozen(taxonomy.topics[0]?.phrases[0])).toBe(true);
  });

  it('throws a permanent TAXONOMY_INVALID error whose message lists the problems', () => {
    let caught: unknown;
    try {
      loadTaxonomy({ topics: [topic({ codes: ['20000612'] })] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TaxonomyError);
    expect((caught as TaxonomyError).code).toBe('TAXONOMY_INVALID');
    expect(isPermanentError(caught)).toBe(true);
    expect((caught as TaxonomyError).message).toBe(
      'taxonomy is invalid: topic "local-government": codes[0]: must look like medtop:NNNNNNNN',
    );
  });

  it('rejects data that is not a taxonomy at all', () => {
    expect(issuesOf(null)[0]).toMatch(/^\(taxonomy\): /);
    expect(issuesOf({ topics: [] })).toEqual(['topics: must list at least one topic']);
  });

  it('names the topic and field of an empty phrase and of a bad weight', () => {
    const data = {
      topics: [
        topic({
          phrases: [
            { text: '  ', weight: 1 },
            { text: 'council', weight: 0 },
            { text: 'mbc', weight: -2 },
          ],
        }),
      ],
    };
    expect(issuesOf(data)).toEqual([
      'topic "local-government": phrases[0].text: must not be empty',
      'topic "local-government": phrases[1].weight: must be greater than 0',
      'topic "local-government": phrases[2].weight: must be greater than 0',
    ]);
  });

  it('requires phrases, codes, a slug-shaped slug and no unknown keys', () => {
    expect(issuesOf({ topics: [topic({ phrases: [] })] })).toEqual([
      'topic "local-government": phrases: must list at least one phrase',
    ]);
    expect(issuesOf({ topics: [topic({ codes: [] })] })).toEqual([
      'topic "local-government": codes: must list at least one Media Topic code',
    ]);
    expect(issuesOf({ topics: [topic({ slug: 'Local Government' })] })).toEqual([
      'topic "Local Government": slug: must be a lower-case slug',
    ]);
    expect(issuesOf({ topics: [topic({ phrase: [] })] })[0]).toMatch(
      /^topic "local-government": \(topic\): .*phrase/,
    );
  });

  it('falls back to the index when a topic has no usable slug', () => {
    expect(issuesOf({ topics: [topic(), { ...topic(), slug: undefined }] })).toEqual([
      'topics[1]: slug: Invalid input: expected string, received undefined',
    ]);
  });

  it('rejects bad medtop codes', () => {
    for (const code of ['medtop:2000061', 'medtop:200006120', 'subj:20000612', 'medtop:2000061x']) {
      expect(issuesOf({ topics: [topic({ codes: [code] })] })).toEqual([
        'topic "local-government": codes[0]: must look like medtop:NNNNNNNN',
      ]);
    }
  });

  it('rejects duplicate slugs', () => {
    expect(issuesOf({ topics: [topic(), topic({ name: 'Again' })] })).toEqual([
      'topic "local-government": slug: duplicate (topics[1])',
    ]);
  });

  it('rejects phrases that cannot match on word boundaries', () => {
    const data = { topics: [topic({ negative: [{ text: "magistrates'", weight: 1 }] })] };
    expect(issuesOf(data)).toEqual([
      `topic "local-government": negative[0].text: "magistrates'" must start and end with a letter or digit`,
    ]);
  });

  it('rejects phrases of one topic that fold to the same text', () => {
    const data = {
      topics: [
        topic({
          phrases: [
            { text: "Children's services", weight: 2 },
            { text: 'children’s  services', weight: 1 },
          ],
          negative: [
            { text: 'looked after', weight: 1 },
            { text: 'Looked-after', weight: 1 },
          ],
        }),
      ],
    };
    expect(issuesOf(data)).toEqual([
      `topic "local-government": phrases[1].text: "children’s  services" duplicates phrases[0] (both read "children's services")`,
      `topic "local-government": negative[1].text: "Looked-after" duplicates negative[0] (both read "looked after")`,
    ]);
  });

  it('allows the same phrase in two topics', () => {
    const taxonomy = loadTaxonomy({ topics: [topic(), topic({ slug: 'other', name: 'Other' })] });
    expect(taxonomy.topics.map((t) => t.slug)).toEqual(['local-government', 'other']);
  });
});
