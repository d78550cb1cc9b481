import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from './default-taxonomy.js';
import { loadTaxonomy } from './load-taxonomy.js';
import { RETIRED_CODES } from './retired-codes.js';

const LABELS: Record<string, string> = {
  'child-protection': 'Child protection',
  'local-government': 'Local government',
  'central-government': 'Central government',
  health: 'Health',
  education: 'Education',
  'social-care': 'Social care',
  'policing-justice': 'Policing and justice',
  housing: 'Housing',
  'public-finance': 'Public finance',
  transport: 'Transport',
  environment: 'Environment',
};

const topic = (slug: string) => defaultTaxonomy.topics.find((t) => t.slug === slug);

describe('defaultTaxonomy', () => {
  it('has exactly the public-sector topics, with their labels', () => {
    expect(Object.fromEntries(defaultTaxonomy.topics.map((t) => [t.slug, t.name]))).toEqual(LABELS);
  });

  it('maps no topic to a retired Media Topic code', () => {
    const retired = new Set(RETIRED_CODES.map((entry) => entry.code));
    expect(retired).toContain('medtop:20000608');
    expect(retired).toContain('medtop:20001173');
    for (const t of defaultTaxonomy.topics) {
      for (const code of t.codes) expect(retired.has(code), `${t.slug} ${code}`).toBe(false);
    }
  });

  it('codes local government as local authority and child protection by its nearest topics', () => {
    expect(topic('local-government')?.codes).toEqual(['medtop:20000612']);
    expect(topic('child-protection')?.codes).toEqual(['medtop:20000803', 'medtop:20000790']);
  });

  it('codes public finance by the current topics around the retired one', () => {
    // medtop:20000608 public finance sat under medtop:20000593 government; economy is its
    // economic counterpart. Neither is retired in the pinned release.
    expect(topic('public-finance')?.codes).toEqual(['medtop:20000593', 'medtop:20000344']);
  });

  it('names the vocabulary release its codes were checked against', () => {
    expect(defaultTaxonomy.vocabulary).toEqual({
      scheme: 'http://cv.iptc.org/newscodes/mediatopic/',
      name: 'IPTC Media Topics',
      release: '2025',
    });
  });

  it('keeps the old policing slug as a former slug of policing-justice', () => {
    expect(topic('policing-justice')?.formerSlugs).toEqual(['policing-crime']);
    expect(topic('policing-crime')).toBeUndefined();
  });
});

describe('retired codes and former slugs in operator data', () => {
  const base = {
    slug: 'public-finance',
    name: 'Public finance',
    codes: ['medtop:20000608'],
    description: 'Budgets.',
    phrases: [{ text: 'budget', weight: 1 }],
  };

  it('refuses a topic mapped to a retired code, naming it', () => {
    expect(() => loadTaxonomy({ topics: [base] })).toThrow(
      'taxonomy is invalid: topic "public-finance": codes[0]: medtop:20000608 (public finance) was retired by IPTC in 2025',
    );
  });

  it('refuses a former slug that is some topic’s slug', () => {
    const data = {
      topics: [
        { ...base, codes: ['medtop:04000000'], formerSlugs: ['housing'] },
        { ...base, slug: 'housing', codes: ['medtop:20000628'] },
      ],
    };
    expect(() => loadTaxonomy(data)).toThrow(/formerSlugs\[0\]: "housing" is already a slug/);
  });
});
