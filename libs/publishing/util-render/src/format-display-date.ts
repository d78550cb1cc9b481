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
