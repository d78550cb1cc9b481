import { dayNamedBy, formatCalendarDate } from './london-day.js';
import { parseInstant } from './parse-instant.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A date people read, in UTC so that it never depends on the server's zone or ICU data.
 * @example formatDisplayDate('2024-03-01T09:30:00+01:00') // '1 March 2024, 08:30 UTC'
 * @throws RenderError `RENDER_INVALID_DATE` when the value is not a date.
 */
export function formatDisplayDate(iso: string, field = 'date'): string {
  const instant = parseInstant(iso, field);
  const month = MONTHS[instant.getUTCMonth()] ?? '';
  const time = `${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())}`;
  return `${instant.getUTCDate()} ${month} ${instant.getUTCFullYear()}, ${time} UTC`;
}

/** A date-only value as people read it and as `<time datetime>` holds it. */
export interface DisplayDay {
  /** e.g. `1 March 2024`. */
  readonly text: string;
  /** e.g. `2024-03-01`. */
  readonly datetime: string;
}

/**
 * The day a date-only source date names, with no invented time (see `dayNamedBy`).
 * @example formatDisplayDay('2024-03-01T00:00:00Z') // { text: '1 March 2024', datetime: '2024-03-01' }
 * @throws RenderError `RENDER_INVALID_DATE` when the value is not a date.
 */
export function formatDisplayDay(iso: string, field = 'date'): DisplayDay {
  const day = dayNamedBy(iso, parseInstant(iso, field));
  return {
    text: `${day.day} ${MONTHS[day.month - 1] ?? ''} ${day.year}`,
    datetime: formatCalendarDate(day),
  };
}
