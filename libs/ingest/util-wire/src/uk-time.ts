const HOUR_MS = 3_600_000;

/** UTC milliseconds of 01:00 UTC on the last Sunday of a month (0-based), when UK clocks change. */
function lastSundayOneAm(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * Converts a UK wall-clock time to UTC milliseconds. British Summer Time (UTC+1) runs from the
 * last Sunday of March to the last Sunday of October, changing at 01:00 UTC.
 */
export function ukLocalToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const summer =
    asUtc - HOUR_MS >= lastSundayOneAm(year, 2) && asUtc - HOUR_MS < lastSundayOneAm(year, 9);
  return summer ? asUtc - HOUR_MS : asUtc;
}

/** UTC milliseconds for an explicit zone name, or the UK wall clock when none is given. */
export function zonedToUtc(
  parts: { year: number; month: number; day: number; hour: number; minute: number },
  zone: string | undefined,
): number {
  const { year, month, day, hour, minute } = parts;
  if (zone === undefined) return ukLocalToUtc(year, month, day, hour, minute);
  const offsetHours = zone.toLowerCase() === 'bst' ? 1 : 0;
  return Date.UTC(year, month - 1, day, hour - offsetHours, minute);
}
