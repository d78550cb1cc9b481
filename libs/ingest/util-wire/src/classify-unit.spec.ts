import { describe, expect, it } from 'vitest';
import { classifyUnit } from './classify-unit.js';
import { parseBylineLine } from './text-byline.js';
import { isChromeLine } from './text-chrome.js';
import { parseImageLine } from './text-image-line.js';

describe('parseBylineLine', () => {
  it.each([
    ['By Jane Smith', { name: 'Jane Smith' }],
    ['By Jane Smith, Health Correspondent', { name: 'Jane Smith', role: 'Health Correspondent' }],
    ['By Jane Smith - Health Correspondent', { name: 'Jane Smith', role: 'Health Correspondent' }],
    ['BY JANE SMITH', { name: 'JANE SMITH' }],
    ['Written by Daniel Price', { name: 'Daniel Price' }],
    ['Author: Mary-Ann O’Neill', { name: 'Mary-Ann O’Neill' }],
    ['By Jane Smith and John Brown', { name: 'Jane Smith and John Brown' }],
  ])('reads %s', (line, byline) => {
    expect(parseBylineLine(line)).toEqual(byline);
  });

  it.each([
    'By the end of the year the council will have built 400 homes.',
    'By March 2025, 400 homes will be built.',
    'By Christmas the council hopes to open the bridge',
    'By Christmas Day, shoppers will have spent more than last year.',
    'Bypass plans approved',
    'By Jane',
  ])('does not take %s for a byline', (line) => {
    expect(parseBylineLine(line)).toBeUndefined();
  });
});

describe('parseImageLine', () => {
  it.each([
    ['(Image: c. Lynne Cameron/PA Wire)', { credit: 'c. Lynne Cameron/PA Wire' }],
    ['Image: c. Lynne Cameron/PA Wire', { credit: 'c. Lynne Cameron/PA Wire' }],
    ['Photo: PA Wire', { credit: 'PA Wire' }],
    ['Picture: Getty Images', { credit: 'Getty Images' }],
    [
      'Credit: Leeds City Council press office team photographer',
      { credit: 'Leeds City Council press office team photographer' },
    ],
    ['Caption: The new library', { caption: 'The new library' }],
    [
      'Photo: The leader of the council opens the new library on Tuesday',
      { caption: 'The leader of the council opens the new library on Tuesday' },
    ],
    [
      'Picture: Pupils celebrate the result. Credit: Rivermouth Borough Council',
      { caption: 'Pupils celebrate the result.', credit: 'Rivermouth Borough Council' },
    ],
    [
      'The mayor at the opening of the new bridge (Photo: Jo Bloggs/Council)',
      { caption: 'The mayor at the opening of the new bridge', credit: 'Jo Bloggs/Council' },
    ],
  ])('reads %s', (line, image) => {
    expect(parseImageLine(line)).toEqual(image);
  });

  it('ignores ordinary lines', () => {
    expect(parseImageLine('The photo was taken in 2014.')).toBeUndefined();
    expect(parseImageLine('Images')).toBeUndefined();
  });
});

describe('isChromeLine', () => {
  it.each([
    'more videos >',
    'Taking time to say thank you is one of the hidden pillars of a society. Bei... more >',
    'read more blog posts from the team »',
    'View all News',
    'Related stories',
    'latest news',
    'Comments',
    'Share this article',
    'Tags: NHS, Hospitals',
    '21/06/2019Peter Kyle MP: It’s time to say thank you',
    'mon tue wed thu fri sat sun',
    '27 28 29 30 31 1 2',
    'Home > News > Council and democracy',
    'About us | Advertise | Contact | Privacy',
    '© 2025 Northfield County Council. All rights reserved.',
    'We use cookies to make this website work.',
    'Sign up to our free daily newsletter for the latest NHS news.',
    'Tell us what you think – have your say below or email us',
    'Did you find this page useful?',
    '4 min read',
    'https://www.example.org/news',
  ])('recognises %s as page furniture', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  it.each([
    'Residents can find out more at a drop-in session on Tuesday.',
    'Residents can sign up for flood alerts on the Environment Agency website.',
    'The council says it uses cookies on its parking app, which has 40,000 users.',
    'The committee will meet on 21 June 2019 to review the plan.',
    'Spending will rise from £21m to £24m > £3m more than last year.',
  ])('keeps article text: %s', (line) => {
    expect(isChromeLine(line)).toBe(false);
  });
});

describe('classifyUnit', () => {
  it('tells prose, titles, labels, bullets and metadata apart by shape', () => {
    expect(classifyUnit('The council approved the budget on Monday evening.').kind).toBe('prose');
    expect(classifyUnit('The plan, approved last night, includes three things:').kind).toBe(
      'prose',
    );
    expect(classifyUnit('Council approves budget for next year').kind).toBe('title');
    expect(classifyUnit('News').kind).toBe('label');
    expect(classifyUnit('- 200 new homes').kind).toBe('bullet');
    expect(classifyUnit('Advertisement').kind).toBe('aside');
    expect(classifyUnit('18.11.14')).toMatchObject({
      kind: 'meta',
      date: { iso: '2014-11-18T00:00:00.000Z' },
    });
    expect(classifyUnit('By Helen Marsh · 6 min read')).toMatchObject({
      kind: 'meta',
      byline: 'Helen Marsh',
    });
    expect(classifyUnit('By Jo Bloggs | 18 Nov 2014')).toMatchObject({
      kind: 'meta',
      byline: 'Jo Bloggs',
      date: { iso: '2014-11-18T00:00:00.000Z' },
    });
    expect(classifyUnit('By Jo Bloggs, 18 November 2014')).toMatchObject({
      byline: 'Jo Bloggs',
      date: { iso: '2014-11-18T00:00:00.000Z' },
    });
  });
});
