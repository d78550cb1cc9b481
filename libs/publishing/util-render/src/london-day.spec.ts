import { describe, expect, it } from 'vitest';
import {
  dayNamedBy,
  formatCalendarDate,
  londonDateAt,
  londonOffsetMinutes,
  startOfLondonDay,
} from './london-day.js';

const at = (iso: string): number => Date.parse(iso);

describe('londonOffsetMinutes', () => {
  it('is 0 in winter and 60 in British Summer Time', () => {
    expect(londonOffsetMinutes(at('2024-01-15T12:00:00Z'))).toBe(0);
    expect(londonOffsetMinutes(at('2024-07-15T12:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2024-12-31T23:59:59Z'))).toBe(0);
  });

  it('changes at 01:00 UTC on the last Sundays of March and October', () => {
    // 2024: 31 March and 27 October; 2025: 30 March and 26 October.
    expect(londonOffsetMinutes(at('2024-03-31T00:59:59Z'))).toBe(0);
    expect(londonOffsetMinutes(at('2024-03-31T01:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2024-10-27T00:59:59Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2024-10-27T01:00:00Z'))).toBe(0);
    expect(londonOffsetMinutes(at('2025-03-30T01:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2025-03-29T12:00:00Z'))).toBe(0);
  });
});

describe('startOfLondonDay', () => {
  it('is midnight UTC in winter and 23:00 UTC the day before in summer', () => {
    expect(startOfLondonDay({ year: 2024, month: 1, day: 15 }).toISOString()).toBe(
      '2024-01-15T00:00:00.000Z',
    );
    expect(startOfLondonDay({ year: 2024, month: 6, day: 1 }).toISOString()).toBe(
      '2024-05-31T23:00:00.000Z',
    );
  });

  it('handles the days the clocks change, whose midnights are on either side', () => {
    expect(startOfLondonDay({ year: 2024, month: 3, day: 31 }).toISOString()).toBe(
      '2024-03-31T00:00:00.000Z',
    );
    expect(startOfLondonDay({ year: 2024, month: 4, day: 1 }).toISOString()).toBe(
      '2024-03-31T23:00:00.000Z',
    );
    expect(startOfLondonDay({ year: 2024, month: 10, day: 27 }).toISOString()).toBe(
      '2024-10-26T23:00:00.000Z',
    );
    expect(startOfLondonDay({ year: 2024, month: 10, day: 28 }).toISOString()).toBe(
      '2024-10-28T00:00:00.000Z',
    );
  });
});

describe('londonDateAt', () => {
  it('is the date on a London clock', () => {
    expect(londonDateAt(new Date('2024-05-31T23:30:00Z'))).toEqual({
      year: 2024,
      month: 6,
      day: 1,
    });
    expect(londonDateAt(new Date('2024-01-31T23:30:00Z'))).toEqual({
      year: 2024,
      month: 1,
      day: 31,
    });
  });
});

describe('dayNamedBy', () => {
  it('reads the date a midnight timestamp spells, whatever its offset', () => {
    for (const iso of [
      '2024-06-01T00:00:00Z',
      '2024-06-01T00:00:00+02:00',
      '2024-06-01T00:00:00.000-05:00',
      '2024-06-01T00:00+01:00',
    ]) {
      expect(dayNamedBy(iso, new Date(iso))).toEqual({ year: 2024, month: 6, day: 1 });
    }
  });

  it('falls back to the London date for any other instant', () => {
    const iso = '2024-05-31T23:00:00Z';
    expect(dayNamedBy(iso, new Date(iso))).toEqual({ year: 2024, month: 6, day: 1 });
  });
});

describe('formatCalendarDate', () => {
  it('pads to YYYY-MM-DD', () => {
    expect(formatCalendarDate({ year: 2024, month: 3, day: 1 })).toBe('2024-03-01');
  });
});
