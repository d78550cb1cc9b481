// Strict reading of the dates wires send: RFC 822/1123 (RSS), RFC 3339 / ISO 8601 (Atom, ninjs)
// and ISO 8601 basic (NITF `norm`). Date.parse is not used: it reads `01 Jan 0001` as 2001 and
// guesses at anything, so a wrong date would be published as if the source had sent it.

/** A date as read: an instant, and whether the source gave only the day. */
export interface WireDate {
  iso: string;
  dateOnly: boolean;
}

// Years a news item can plausibly carry; `0001` and `9999` are placeholders, not dates.
const MIN_YEAR = 1970;
const MAX_YEAR = 2199;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Readonly<Record<string, number>> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};
const RFC822 =
  /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([A-Za-z]{1,4}|[+-]\d{4}|[+-]\d{2}:\d{2}))?)?$/;
const ISO_EXTENDED =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([Zz]|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?$/;
const ISO_BASIC =
  /^(\d{4})(\d{2})(\d{2})(?:[Tt](\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?([Zz]|[+-]\d{4}|[+-]\d{2})?)?$/;

function zoneMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === '') return 0;
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (match === null) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour?: string | undefined;
  minute?: string | undefined;
  second?: string | undefined;
  zone?: string | undefined;
}

function build(parts: Parts): WireDate | undefined {
  const { year, month, day } = parts;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  const hour = Number(parts.hour ?? 0);
  const minute = Number(parts.minute ?? 0);
  const second = Number(parts.second ?? 0);
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const offset = zoneMinutes(parts.zone);
  if (offset === undefined) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 February over into March; a real date does not change day.
  if (new Date(local).getUTCDate() !== day) return undefined;
  return {
    iso: new Date(local - offset * 60_000).toISOString(),
    dateOnly: parts.hour === undefined,
  };
}

function fromRfc822(match: RegExpExecArray): WireDate | undefined {
  const month = MONTHS.indexOf((match[2] ?? '').slice(0, 3).toLowerCase()) + 1;
  const written = Number(match[3]);
  // RFC 822's two-digit years: RFC 2822 reads 00-49 as 20xx and 50-99 as 19xx.
  const year = (match[3] ?? '').length === 2 ? written + (written < 50 ? 2000 : 1900) : written;
  return build({
    year,
    month,
    day: Number(match[1]),
    hour: match[4],
    minute: match[5],
    second: match[6],
    zone: match[7],
  });
}

function fromIso(match: RegExpExecArray): WireDate | undefined {
  return build({
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: match[4],
    minute: match[5],
    second: match[6],
    zone: match[7],
  });
}

/**
 * Reads a wire date strictly, or not at all: RFC 822 (`Tue, 18 Nov 2014 09:30:00 GMT`),
 * RFC 3339 (`2014-11-18T09:30:00Z`), ISO basic (`20141118T093000+0000`) or a bare day
 * (`2014-11-18`, `dateOnly`). A time without a zone is UTC. Years before 1970 or after 2199,
 * impossible days and unknown zones are unreadable.
 * @returns undefined for anything it cannot read with certainty.
 * @example readWireDate('01 Jan 0001 00:00:00 GMT') // undefined, never 2001
 */
export function readWireDate(raw: string | undefined): WireDate | undefined {
  const text = raw?.trim() ?? '';
  if (text === '' || text.length > 64) return undefined;
  const rfc = RFC822.exec(text);
  if (rfc !== null) return fromRfc822(rfc);
  const iso = ISO_EXTENDED.exec(text) ?? ISO_BASIC.exec(text);
  return iso === null ? undefined : fromIso(iso);
}
