import { loadTaxonomy } from '@bulletin/taxonomy';
import { describe, expect, it } from 'vitest';
import { buildGazetteer, defaultGazetteer } from './gazetteer.js';
import { createTagger } from './tagger.js';

const taxonomy = loadTaxonomy({
  topics: [
    {
      slug: 'local-government',
      name: 'Local government',
      codes: ['medtop:20000612'],
      description: 'Councils.',
      phrases: [{ text: 'council', weight: 1 }],
    },
  ],
});
const tagger = createTagger(taxonomy);
const analyse = (bodyText: string) => tagger.analyse({ headline: '', bodyText });
const names = (entities: { name: string }[]) => entities.map((e) => e.name);

describe('defaultGazetteer', () => {
  it('names each council once, whatever form the story uses', () => {
    for (const form of [
      'Rotherham MBC',
      'Rotherham Metropolitan Borough Council',
      'Rotherham council',
    ]) {
      expect(names(analyse(`${form} said so.`).organisations), form).toEqual([
        'Rotherham Metropolitan Borough Council',
      ]);
    }
    expect(names(analyse('Kent County Council and Lambeth council').organisations)).toEqual([
      'Kent County Council',
      'London Borough of Lambeth',
    ]);
  });

  it('knows departments, inspectorates, committees, police forces and NHS bodies', () => {
    const found = analyse(
      'The Department for Education, Ofsted, the Public Accounts Committee, South Yorkshire Police and NHS England.',
    ).organisations;
    expect(found.map((o) => [o.name, o.kind])).toEqual([
      ['Department for Education', 'government-department'],
      ['Ofsted', 'inspectorate'],
      ['Public Accounts Committee', 'parliamentary-committee'],
      ['South Yorkshire Police', 'police-force'],
      ['NHS England', 'nhs-body'],
    ]);
  });

  it('gives no form to two entities', () => {
    const forms = defaultGazetteer.entities.flatMap((e) => e.forms.map((f) => f.toLowerCase()));
    expect(new Set(forms).size).toBe(forms.length);
    expect(
      defaultGazetteer.entities.filter((e) => e.kind === 'local-authority').length,
    ).toBeGreaterThan(200);
  });

  it('counts a council as local-government evidence, and a council that is not one as nothing', () => {
    expect(analyse('Other news.\n\nLeeds City Council.').subjects).toEqual([]);
    expect(analyse('Leeds City Council. Leeds City Council.').subjects[0]?.evidence).toEqual([
      { text: 'Leeds City Council', kind: 'entity', where: ['lede'], count: 2 },
    ]);
    const arts = analyse('The Arts Council, the Arts Council and the British Council met.');
    expect([arts.subjects, names(arts.organisations)]).toEqual([
      [],
      ['Arts Council England', 'British Council'],
    ]);
  });

  it('finds a one-word name only in its own case', () => {
    expect(names(analyse('She was reading in Reading.').places)).toEqual(['Reading']);
    expect(names(analyse('She was reading.').places)).toEqual([]);
    expect(names(analyse('A nice day.').organisations)).toEqual([]);
  });

  it('refuses an unknown council type', () => {
    const data = {
      kinds: {},
      localAuthorities: { parish: ['Ambridge'] },
      organisations: [],
      policeForces: [],
      places: [],
    };
    expect(() => buildGazetteer(data)).toThrow('gazetteer: unknown council type "parish"');
  });
});
