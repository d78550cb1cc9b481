import { isPermanentError } from '@bulletin/errors';
import { subjectSchema } from '@bulletin/story';
import { describe, expect, it } from 'vitest';
import { TaggerOptionsError } from './errors.js';
import { loadTaxonomy } from '@bulletin/taxonomy';
import { createTagger, type TaggerOptions, type TagInput } from './tagger.js';

const taxonomy = loadTaxonomy({
  topics: [
    {
      slug: 'local-government',
      name: 'Local government',
      codes: ['medtop:20000612'],
      description: 'Councils.',
      phrases: [
        { text: 'council', weight: 1 },
        { text: 'council leader', weight: 3 },
        { text: 'MBC', weight: 3 },
        { text: 'local authority', weight: 3 },
      ],
      negative: [{ text: 'Security Council', weight: 2 }],
    },
    {
      slug: 'child-protection',
      name: 'Child protection',
      codes: ['medtop:20000803', 'medtop:20000790'],
      description: 'Safeguarding children.',
      phrases: [
        { text: 'child sexual exploitation', weight: 3 },
        { text: 'sexual exploitation', weight: 2 },
        { text: "children's services", weight: 3 },
      ],
    },
    {
      slug: 'social-care',
      name: 'Social care',
      codes: ['medtop:20000820'],
      description: 'Care for adults.',
      phrases: [
        { text: 'social care', weight: 3 },
        { text: 'local authority', weight: 1 },
      ],
    },
  ],
});

/** The mechanics of matching, with the lede weighted like the rest of the body. */
function tag(input: Partial<TagInput>, options: TaggerOptions = {}) {
  return createTagger(taxonomy, { ledeWeight: 1, ...options }).tag({
    headline: '',
    bodyText: '',
    ...input,
  });
}

/** Everything that scores at all, as `slug: confidence [matched]`. */
function explain(bodyText: string): string[] {
  return tag({ bodyText }, { threshold: 0.001 }).map(
    (s) => `${s.slug}: ${s.confidence} [${s.matched.join(', ')}]`,
  );
}

describe('tag', () => {
  it('tags a topic with its codes, confidence and the distinct phrases matched, as written', () => {
    expect(
      tag({ bodyText: 'The council leader said the Council and the COUNCIL would act.' }),
    ).toEqual([
      {
        slug: 'local-government',
        name: 'Local government',
        codes: ['medtop:20000612'],
        confidence: 0.565, // score 3 + 1 + 1 = 5; 1 - e^(-5/6)
        matched: ['council', 'council leader'],
        evidence: [
          { text: 'council', kind: 'phrase', where: ['lede'], count: 2 },
          { text: 'council leader', kind: 'phrase', where: ['lede'], count: 1 },
        ],
      },
    ]);
  });

  it('returns subjects that satisfy the Story model', () => {
    const body = 'The local authority MBC; social care and sexual exploitation.';
    const subjects = tag({ bodyText: body }, { threshold: 1 });
    expect(subjects).toHaveLength(3);
    for (const subject of subjects) expect(subjectSchema.parse(subject)).toEqual(subject);
  });

  it('sorts by confidence, highest first, then by slug', () => {
    const body =
      'The local authority. The local authority. Social care. Child sexual exploitation.';
    expect(tag({ bodyText: body }).map((s) => [s.slug, s.confidence])).toEqual([
      ['local-government', 0.632],
      ['social-care', 0.565],
      ['child-protection', 0.393],
    ]);
    expect(tag({ bodyText: 'Social care. Child sexual exploitation.' }).map((s) => s.slug)).toEqual(
      ['child-protection', 'social-care'],
    );
  });
});

describe('word boundaries', () => {
  it('never matches inside a longer word', () => {
    expect(explain('Councillors met in the councilled Councilford.')).toEqual([]);
    expect(explain('MBCX, XMBC and MBC2 are not it')).toEqual([]);
  });

  it('matches next to punctuation, digits apart, and before an apostrophe', () => {
    expect(explain('(MBC)')).toEqual(['local-government: 0.393 [MBC]']);
    expect(explain('the council’s budget')).toEqual(['local-government: 0.154 [council]']);
    expect(explain('council2 council')).toEqual(['local-government: 0.154 [council]']);
  });
});

describe('folding', () => {
  it('matches typographic apostrophes, any case and any spacing', () => {
    const expected = ["child-protection: 0.393 [children's services]"];
    expect(explain('children’s services')).toEqual(expected);
    expect(explain('CHILDREN‘S\n  SERVICES')).toEqual(expected);
    expect(explain("children's services")).toEqual(expected);
  });
});

describe('overlapping phrases', () => {
  it('counts only the longest of nested matches', () => {
    expect(explain('organised child sexual exploitation')).toEqual([
      'child-protection: 0.393 [child sexual exploitation]',
    ]);
  });

  it('counts the shorter phrase where it stands on its own', () => {
    expect(explain('child sexual exploitation, and other sexual exploitation')).toEqual([
      'child-protection: 0.565 [child sexual exploitation, sexual exploitation]',
    ]);
  });

  it('credits every topic that lists the phrase that matched', () => {
    expect(explain('the local authority')).toEqual([
      'local-government: 0.393 [local authority]',
      'social-care: 0.154 [local authority]',
    ]);
  });
});

describe('negative phrases', () => {
  it('swallow the positive phrase inside them and subtract their weight', () => {
    expect(explain('the UN Security Council met')).toEqual([]);
    expect(
      tag({ bodyText: 'The council leader spoke at the Security Council.' }, { threshold: 1 }),
    ).toEqual([expect.objectContaining({ confidence: 0.154, matched: ['council leader'] })]);
  });
});

describe('scoring', () => {
  it('counts at most three repeats of one phrase', () => {
    expect(tag({ bodyText: 'council '.repeat(2) })).toEqual([]);
    expect(tag({ bodyText: 'council '.repeat(3) })[0]?.confidence).toBe(0.393);
    expect(tag({ bodyText: 'council '.repeat(50) })[0]?.confidence).toBe(0.393);
  });

  it('weights headline hits by headlineWeight and lede hits by ledeWeight', () => {
    expect(tag({ headline: 'MBC' })[0]?.confidence).toBe(0.632);
    expect(tag({ headline: 'MBC' }, { headlineWeight: 1 })[0]?.confidence).toBe(0.393);
    expect(tag({ headline: 'MBC' }, { headlineWeight: 0 })).toEqual([]);
    const lede = createTagger(taxonomy).tag({ headline: '', bodyText: 'MBC.\n\nOther.' });
    expect(lede[0]?.confidence).toBe(0.528); // 3 × 1.5; 1 - e^(-4.5/6)
    const body = createTagger(taxonomy).tag({ headline: '', bodyText: 'Other.\n\nMBC.' });
    expect(body[0]?.confidence).toBe(0.393);
    expect(tag({ summary: 'MBC' })).toEqual([]);
  });

  it('says where each piece of evidence was found', () => {
    const [subject] = createTagger(taxonomy).tag({
      headline: 'MBC in trouble',
      bodyText: 'The local authority and the MBC.\n\nA council meeting. The council leader spoke.',
    });
    expect(subject?.evidence).toEqual([
      { text: 'council', kind: 'phrase', where: ['body'], count: 1 },
      { text: 'council leader', kind: 'phrase', where: ['body'], count: 1 },
      { text: 'MBC', kind: 'phrase', where: ['headline', 'lede'], count: 2 },
      { text: 'local authority', kind: 'phrase', where: ['lede'], count: 1 },
    ]);
  });

  it('matches the plural of a phrase as the phrase (spellings: see variants.spec.ts)', () => {
    expect(explain('Two local authorities')).toEqual([
      'local-government: 0.393 [local authority]',
      'social-care: 0.154 [local authority]',
    ]);
  });

  it('assigns a topic only from the threshold up', () => {
    expect(tag({ bodyText: 'MBC council' }, { threshold: 4 })[0]?.confidence).toBe(0.487);
    expect(tag({ bodyText: 'MBC council' }, { threshold: 4.01 })).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives the same subjects for the same story, whatever was tagged before', () => {
    const tagger = createTagger(taxonomy);
    const story = { headline: 'Council leader quits', bodyText: 'The local authority and MBC.' };
    const first = JSON.stringify(tagger.tag(story));
    tagger.tag({ headline: 'MBC MBC', bodyText: 'council '.repeat(40) + 'social care' });
    expect(JSON.stringify(tagger.tag(story))).toBe(first);
    expect(JSON.stringify(createTagger(taxonomy).tag(story))).toBe(first);
  });

  it('rounds confidence to three decimals within 0..1', () => {
    for (const subject of tag(
      { bodyText: 'MBC '.repeat(3) + 'council leader '.repeat(3) },
      { threshold: 0.1 },
    )) {
      expect(subject.confidence).toBe(Number(subject.confidence.toFixed(3)));
      expect(subject.confidence).toBeGreaterThan(0);
      expect(subject.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('hands out copies, so a caller cannot change the taxonomy', () => {
    const [subject] = tag({ bodyText: 'MBC' }, { threshold: 1 });
    subject?.codes.push('medtop:99999999');
    expect(taxonomy.topics[0]?.codes).toEqual(['medtop:20000612']);
  });
});

describe('options', () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects threshold %s', (threshold) => {
    expect(() => createTagger(taxonomy, { threshold })).toThrow(TaggerOptionsError);
    expect(() => createTagger(taxonomy, { threshold })).toThrow(
      /^threshold must be a number greater than 0/,
    );
  });

  it('rejects a negative ledeWeight', () => {
    expect(() => createTagger(taxonomy, { ledeWeight: -1 })).toThrow(
      'ledeWeight must be a number >= 0, got -1',
    );
  });

  it('rejects a negative headlineWeight with a permanent, coded error', () => {
    let caught: unknown;
    try {
      createTagger(taxonomy, { headlineWeight: -1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'TAGGER_OPTIONS_INVALID',
      message: 'headlineWeight must be a number >= 0, got -1',
    });
    expect(isPermanentError(caught)).toBe(true);
  });
});
