import { describe, expect, it } from 'vitest';
import { parseDateLine } from './parse-date-line.js';

describe('parseDateLine', () => {
  it.each([
    ['18.11.14', '2014-11-18T00:00:00.000Z'],
    ['18/11/2014', '2014-11-18T00:00:00.000Z'],
    ['18-11-2014', '2014-11-18T00:00:00.000Z'],
    ['18 November 2014', '2014-11-18T00:00:00.000Z'],
    ['18th November 2014', '2014-11-18T00:00:00.000Z'],
    ['Tuesday 18 November 2014', '2014-11-18T00:00:00.000Z'],
    ['Tuesday, 18 November 2014', '2014-11-18T00:00:00.000Z'],
    ['Tue 18 Nov 2014', '2014-11-18T00:00:00.000Z'],
    ['18 Nov 2014 10:32', '2014-11-18T10:32:00.000Z'],
    ['18 Nov 2014, 10.32am', '2014-11-18T10:32:00.000Z'],
    ['18 November 2014 at 3pm', '2014-11-18T15:00:00.000Z'],
    ['10:32, 18 November 2014', '2014-11-18T10:32:00.000Z'],
    ['November 18, 2014', '2014-11-18T00:00:00.000Z'],
    ['Nov 18 2014', '2014-11-18T00:00:00.000Z'],
    ['2014-11-18', '2014-11-18T00:00:00.000Z'],
    ['2014-11-18T10:32:00Z', '2014-11-18T10:32:00.000Z'],
    ['2014-06-18T10:32:00+01:00', '2014-06-18T09:32:00.000Z'],
    ['18/11/14 09:15', '2014-11-18T09:15:00.000Z'],
  ])('reads %s as %s', (line, iso) => {
    expect(parseDateLine(line)).toEqual({ iso, role: 'published', labelled: false });
  });

  it('treats a time without zone as UK wall-clock time (BST in summer, GMT in winter)', () => {
    expect(parseDateLine('18 June 2014 10:32')?.iso).toBe('2014-06-18T09:32:00.000Z');
    expect(parseDateLine('18 December 2014 10:32')?.iso).toBe('2014-12-18T10:32:00.000Z');
    expect(parseDateLine('18 June 2014 10:32 GMT')?.iso).toBe('2014-06-18T10:32:00.000Z');
    expect(parseDateLine('18 Dec 2014 10:32 BST')?.iso).toBe('2014-12-18T09:32:00.000Z');
    // Clocks go forward at 01:00 UTC on the last Sunday of March (30 March 2014).
    expect(parseDateLine('30 March 2014 00:30')?.iso).toBe('2014-03-30T00:30:00.000Z');
    expect(parseDateLine('30 March 2014 02:30')?.iso).toBe('2014-03-30T01:30:00.000Z');
  });

  it('reads labels, telling updates from publication', () => {
    expect(parseDateLine('Published: 18 November 2014')).toEqual({
      iso: '2014-11-18T00:00:00.000Z',
      role: 'published',
      labelled: true,
    });
    expect(parseDateLine('Posted on 2023-09-05')?.labelled).toBe(true);
    expect(parseDateLine('Last updated: 14:20, 3 April 2024')).toEqual({
      iso: '2024-04-03T13:20:00.000Z',
      role: 'updated',
      labelled: true,
    });
    expect(parseDateLine('Updated 19 Nov 2014')?.role).toBe('updated');
  });

  it('reads a day-first date as US only when the UK reading is impossible', () => {
    expect(parseDateLine('03/04/2024')?.iso).toBe('2024-04-03T00:00:00.000Z');
    expect(parseDateLine('11/18/2014')?.iso).toBe('2014-11-18T00:00:00.000Z');
  });

  it.each([
    'News',
    '31/02/2014',
    '18 Nov 2014 10',
    '18 Nov 2014 25:00',
    '21/06/2019Peter Kyle MP: time to say thank you',
    'The meeting on 18 November 2014 agreed the budget.',
    '1,400 children',
    '27 28 29 30 31 1 2',
    'August 2020',
    // Placeholder years: never read as 1901 or 2001.
    '01 Jan 0001',
    '0001-01-01',
    'Published: 01/01/0001',
  ])('is not fooled by %s', (line) => {
    expect(parseDateLine(line)).toBeUndefined();
  });
});
