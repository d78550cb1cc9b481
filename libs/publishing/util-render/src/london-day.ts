/** A calendar date, without a time or a zone. */
export interface CalendarDate {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  readonly day: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// Midnight in the value's own offset: the form a date-only source date is recorded in.
const MIDNIGHT = /^(\d{4})-(\d{2})-(\d{2})T00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** The instant of 01:00 UTC on the last Sunday of a month, when UK clocks change. */
function lastSundayOneAm(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return lastDay.getTime() - lastDay.getUTCDay() * DAY_MS + HOUR_MS;
}

/**
 * Minutes Europe/London is ahead of UTC at an instant: 60 during British Summer Time (from
 * 01:00 UTC on the last Sunday in March to 01:00 UTC on the last Sunday in October), else 0.
 * Computed from that rule, in force since 1996, rather than from the host's time-zone data, so
 * the same instant renders the same bytes on every machine.
 */
export function londonOffsetMinutes(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  const inSummerTime = epochMs >= lastSundayOneAm(year, 2) && epochMs < lastSundayOneAm(year, 9);
  return inSummerTime ? 60 : 0;
}

/** The calendar date in Europe/London at an instant. */
export function londonDateAt(instant: Date): CalendarDate {
  const local = new Date(instant.getTime() + londonOffsetMinutes(instant.getTime()) * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/**
 * The instant a day starts in Europe/London. UK clocks change at 01:00 UTC, never around
 * midnight, so the offset at UTC midnight of the same date is the offset at local midnight.
 * @example startOfLondonDay({ year: 2024, month: 6, day: 1 }).toISOString() // '2024-05-31T23:00:00.000Z'
 */
export function startOfLondonDay(date: CalendarDate): Date {
  const utcMidnight = Date.UTC(date.year, date.month - 1, date.day);
  return new Date(utcMidnight - londonOffsetMinutes(utcMidnight) * 60_000);
}

/**
 * The day a date-only source date names. A timestamp at midnight in its own offset (how such
 * dates are recorded) names the date it spells; any other instant names its date in London.
 * @example dayNamedBy('2024-06-01T00:00:00+02:00', instant) // { year: 2024, month: 6, day: 1 }
 */
export function dayNamedBy(iso: string, instant: Date): CalendarDate {
  const spelt = MIDNIGHT.exec(iso);
  if (!spelt) return londonDateAt(instant);
  return { year: Number(spelt[1]), month: Number(spelt[2]), day: Number(spelt[3]) };
}

/** `YYYY-MM-DD`, the HTML `<time datetime>` form of a date. */
export function formatCalendarDate(date: CalendarDate): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}
