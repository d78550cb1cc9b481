import { zonedToUtc } from './uk-time.js';

/** A whole line that is a date, and what kind of date its label says it is. */
export interface DateLine {
  /** UTC ISO timestamp; midnight UTC when the line gives no time. */
  iso: string;
  /** `updated` for "Updated:", "Last modified:" and the like; `published` otherwise. */
  role: 'published' | 'updated';
  /** True when a label such as "Published:" or "Updated:" introduced the date. */
  labelled: boolean;
}

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
const TIME =
  '(?:\\s*(?:,|\\s|\\bat\\s|[-–|])\\s*(\\d{1,2})(?:[:.](\\d{2}))?\\s*([ap]\\.?m\\.?)?(?:\\s*\\(?(gmt|bst|utc)\\)?)?)?';
const ORDINAL = '(?:st|nd|rd|th)?';

const DAY_MONTH_YEAR_NUMERIC = new RegExp(
  `^${WEEKDAY}(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})${TIME}$`,
  'i',
);
const DAY_MONTH_YEAR = new RegExp(
  `^${WEEKDAY}(\\d{1,2})${ORDINAL}(?:\\s+of)?\\s+${MONTH},?\\s+(\\d{4})${TIME}$`,
  'i',
);
const MONTH_DAY_YEAR = new RegExp(
  `^${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})${TIME}$`,
  'i',
);
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const TIME_FIRST =
  /^(\d{1,2})[:.](\d{2})\s*([ap]\.?m\.?)?(?:\s*\(?(gmt|bst|utc)\)?)?\s*[,|–-]?\s*(?:on\s+)?(.+)$/i;
const LABEL =
  /^(first published|published|posted|created|dated|date|issued|released|last updated|updated|last modified|modified|amended)(?:\s+(?:on|at))?\s*(?::|-|–)?\s*/i;
const UPDATED_LABEL = /updat|modif|amend/i;
// Some word of every LABEL alternative ("date" covers dated and updated).
const LABEL_WORD = /publish|posted|created|date|issued|released|modified|amended/i;
const MAY_BE_DATE = /\d/;
// Every pattern starts with a digit, a weekday or a month (TIME_FIRST with a digit too).
const DATE_START = /^[\dadfjmnostw]/i;
const MAX_DATE_LINE = 80;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Clock {
  hour: number;
  minute: number;
  zone: string | undefined;
}

function readClock(
  hour?: string,
  minute?: string,
  meridiem?: string,
  zone?: string,
): Clock | null | undefined {
  if (hour === undefined) return undefined;
  // A bare number after a date ("18 Nov 2014 10") is not a time.
  if (minute === undefined && meridiem === undefined) return null;
  let h = Number(hour);
  const m = minute === undefined ? 0 : Number(minute);
  if (meridiem !== undefined) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem.toLowerCase().startsWith('p') ? 12 : 0);
  }
  return h > 23 || m > 59 ? null : { hour: h, minute: m, zone };
}

// The years a news article can carry, as wire-date.ts reads them.
const MIN_YEAR = 1970;
const MAX_YEAR = 2199;

function toIso(
  year: number,
  month: number,
  day: number,
  clock: Clock | undefined,
): string | undefined {
  // Year 0001 and the like are placeholders; Date.UTC would also read 1 as 1901.
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const ms =
    clock === undefined
      ? Date.UTC(year, month - 1, day)
      : zonedToUtc({ year, month, day, hour: clock.hour, minute: clock.minute }, clock.zone);
  return new Date(ms).toISOString();
}

function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Where each part sits in a pattern's match; `named` months are words, others numbers. */
interface DatePattern {
  regex: RegExp;
  day: number;
  month: number;
  year: number;
  time: number;
  named: boolean;
}

const PATTERNS: readonly DatePattern[] = [
  { regex: DAY_MONTH_YEAR, day: 1, month: 2, year: 3, time: 4, named: true },
  { regex: MONTH_DAY_YEAR, day: 2, month: 1, year: 3, time: 4, named: true },
  { regex: DAY_MONTH_YEAR_NUMERIC, day: 1, month: 3, year: 4, time: 5, named: false },
];

function fromPattern(
  pattern: DatePattern,
  match: RegExpExecArray,
  clock?: Clock,
): string | undefined {
  const t = pattern.time;
  const time = clock ?? readClock(match[t], match[t + 1], match[t + 2], match[t + 3]);
  if (time === null) return undefined;
  const year = match[pattern.year] ?? '';
  const day = Number(match[pattern.day]);
  if (pattern.named) return toIso(Number(year), monthIndex(match[pattern.month] ?? ''), day, time);
  const month = Number(match[pattern.month]);
  // UK order (day first) unless only the US reading is a real date.
  const [d, m] = month > 12 && day <= 12 ? [month, day] : [day, month];
  return toIso(fullYear(year), m, d, time);
}

function fromIso(match: RegExpExecArray): string | undefined {
  const [, year, month, day, hour, minute, second, zone] = match;
  if (Number(year) < MIN_YEAR || Number(year) > MAX_YEAR) return undefined;
  if (hour === undefined) return toIso(Number(year), Number(month), Number(day), undefined);
  if (zone === undefined) {
    const clock = { hour: Number(hour), minute: Number(minute), zone: undefined };
    return toIso(Number(year), Number(month), Number(day), clock);
  }
  const offset = zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone.toUpperCase();
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${offset}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function parseDate(text: string, clock?: Clock): string | undefined {
  for (const pattern of PATTERNS) {
    const match = pattern.regex.exec(text);
    if (match !== null) return fromPattern(pattern, match, clock);
  }
  const iso = clock === undefined ? ISO_DATE.exec(text) : null;
  return iso === null ? undefined : fromIso(iso);
}

/** False for text that cannot hold a labelled date ("Published: …") anywhere in it. */
export function mayHaveDateLabel(text: string): boolean {
  return LABEL_WORD.test(text);
}

/**
 * Reads a line that is wholly a date, in the formats UK sites use: `18.11.14`, `18/11/2014`,
 * `18 November 2014`, `Tuesday 18 November 2014`, `18 Nov 2014 10:32`, `10:32 18 Nov 2014`,
 * `November 18, 2014`, ISO `2014-11-18`, optionally labelled ("Published:", "Updated on").
 * Times without a zone are UK wall-clock time; dates without a time are midnight UTC.
 * @returns undefined when the line is anything more or less than a date.
 */
export function parseDateLine(line: string): DateLine | undefined {
  if (line.length > MAX_DATE_LINE || !MAY_BE_DATE.test(line)) return undefined;
  const label = LABEL.exec(line);
  const rest = label === null ? line : line.slice(label[0].length);
  if (!DATE_START.test(rest)) return undefined;
  let iso = parseDate(rest);
  if (iso === undefined) {
    const timeFirst = TIME_FIRST.exec(rest);
    const clock =
      timeFirst === null
        ? undefined
        : readClock(timeFirst[1], timeFirst[2], timeFirst[3], timeFirst[4]);
    if (clock) iso = parseDate(timeFirst?.[5] ?? '', clock);
  }
  if (iso === undefined) return undefined;
  const role = label !== null && UPDATED_LABEL.test(label[1] ?? '') ? 'updated' : 'published';
  return { iso, role, labelled: label !== null };
}
