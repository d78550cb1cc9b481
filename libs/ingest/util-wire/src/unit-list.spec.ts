import { describe, expect, it } from 'vitest';
import { classifyUnit, standsAlone } from './classify-unit.js';
import { locateArticle } from './locate-article.js';
import { listFixtures, readFixture } from './testing.js';
import { splitUnits } from './text-units.js';
import { UnitList } from './unit-list.js';

const CRAFTED = [
  'Published: 18 November 2014',
  'Updated on 19 Nov 2014 10:32',
  'By Jane Smith | Last modified: 20/11/2014',
  'By Jane Smith, Published 18 November 2014',
  'First published 18.11.14 | 4 min read',
  '19/06/2019',
  '27 28 29 30 31 1 2',
  'The plan includes:',
  'He said: “We will.”',
  'Is the council ready for winter?',
  'What next?”',
  'Ends with a bracket [sic.]',
  'Not prose',
];

function fixtureUnits(): string[] {
  const units = listFixtures('text').flatMap((fixture) =>
    splitUnits(readFixture(fixture).toString('utf8'), standsAlone),
  );
  return [...units, ...CRAFTED];
}

describe('UnitList', () => {
  it('answers the cheap questions as full classification would', () => {
    const texts = fixtureUnits();
    const units = new UnitList(texts);
    texts.forEach((text, index) => {
      const unit = classifyUnit(text);
      expect(units.isProse(index), text).toBe(unit.kind === 'prose');
      expect(units.hasLabelledDate(index), text).toBe(unit.date?.labelled === true);
      expect(units.at(index)).toEqual(unit);
    });
    // The crafted lines hold five labelled dates, plain, in a byline and between separators.
    const crafted = new UnitList(CRAFTED);
    expect(CRAFTED.filter((_text, index) => crafted.hasLabelledDate(index))).toHaveLength(5);
  });
});

describe('locateArticle', () => {
  const article = [
    'Council opens new library',
    'The new library on High Street opened its doors to the public on Saturday morning.',
    'It has 20,000 books, a children’s area and free computers for residents to use.',
  ];
  const furniture = Array.from({ length: 12 }, (_unused, index) => `Related story ${index + 1}`);

  it('takes a labelled date far below the article, but not an unlabelled one', () => {
    const texts = [
      ...article,
      ...furniture,
      '19/06/2019',
      '27 28 29 30 31 1 2',
      'By Sam Jones | Last updated: 20/11/2014',
      'Published: 18 November 2014',
    ];
    expect(locateArticle(new UnitList(texts))).toMatchObject({
      headline: 'Council opens new library',
      published: '2014-11-18T00:00:00.000Z',
      updated: '2014-11-20T00:00:00.000Z',
    });
    expect(locateArticle(new UnitList(texts.slice(0, -2)))).not.toHaveProperty('published');
  });
});
