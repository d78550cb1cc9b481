import { endsWithSentence, hasWords } from './text-shape.js';

const NAME_WORD = "[A-Z][\\p{L}'’.-]*";
const NAME_JOINER =
  "(?:[A-Z][\\p{L}'’.-]*|and|&|de|van|von|der|den|la|le|du|di|da|al|bin|ap|O'[A-Z][\\p{L}]*)";
const BYLINE = new RegExp(
  `^(?:(?:[Ww]ritten|[Ww]ords|[Rr]eporting|[Rr]eport|[Ss]tory)\\s+)?(?:[Bb]y\\s*:?|BY\\s*:?|[Aa]uthor\\s*:|[Rr]eporter\\s*:)\\s+(${NAME_WORD}(?:\\s+${NAME_JOINER}){1,5})(?:\\s*(?:,|\\s[-–—]|\\|)\\s*(.{2,80}))?$`,
  'u',
);
const FIRST_LETTER_UPPER = /^\p{Lu}/u;
const INITIAL = /\b\p{Lu}\.$/u;
const MAX_ROLE_WORDS = 8;

/** A byline line split into the person and, when given, their role. */
export interface Byline {
  name: string;
  role?: string;
}

function isRole(role: string): boolean {
  if (endsWithSentence(role) && !INITIAL.test(role)) return false;
  return !hasWords(role, MAX_ROLE_WORDS + 1);
}

/**
 * Reads `By Jane Smith`, `By Jane Smith, Health Correspondent`, `Written by …`, `Author: …`.
 * The name must be two or more capitalised words, so prose such as "By the end of the year…"
 * or "By March 2025, …" is not mistaken for a byline.
 * @returns undefined when the line is not a byline.
 */
export function parseBylineLine(line: string): Byline | undefined {
  if (line.length > 120) return undefined;
  const match = BYLINE.exec(line);
  const name = match?.[1];
  if (name === undefined || !FIRST_LETTER_UPPER.test(name)) return undefined;
  if (endsWithSentence(name) && !INITIAL.test(name)) return undefined;
  const role = match?.[2]?.trim();
  if (role === undefined) return { name };
  return isRole(role) ? { name, role } : undefined;
}
