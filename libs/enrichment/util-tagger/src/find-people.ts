/**
 * People named in a story, found by the titles and post-nominals a UK public-sector story uses:
 * `Professor Alexis Jay`, `Cllr Sarah Lee`, `Dame Louise Casey`, `Clive Betts MP`.
 */

const NAME = "[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?";
const NAMES = `${NAME}(?:\\s+(?:${NAME}|[A-Z]\\.))*?\\s+${NAME}|${NAME}`;
const TITLES = [
  'Professor',
  'Prof',
  'Dr',
  'Sir',
  'Dame',
  'Baroness',
  'Baron',
  'Lord',
  'Lady',
  'Cllr',
  'Councillor',
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Judge',
  'Justice',
  'Chief Constable',
  'Detective Chief Inspector',
  'Detective Superintendent',
  'Detective Inspector',
  'Detective Sergeant',
  'Chief Superintendent',
  'Superintendent',
  'Inspector',
].join('|');
const POST_NOMINALS = 'MP|MSP|MS|AM|MEP|MLA|QC|KC|CBE|OBE|MBE|DBE|KBE';

const TITLED = new RegExp(`\\b(?:${TITLES})\\.?\\s+(${NAMES})`, 'gu');
const LETTERED = new RegExp(`\\b(${NAME}(?:\\s+${NAME}){1,2})\\s+(?:${POST_NOMINALS})\\b`, 'gu');
/** Words a title may be followed by that are not names. */
const NOT_NAMES = new Set(['The', 'A', 'An', 'Of', 'Justice', 'Chancellor', 'Mayor', 'Speaker']);

function clean(name: string): string | undefined {
  const words = name.replace(/['’]s$/u, '').split(/\s+/);
  while (words.length > 0 && NOT_NAMES.has(words[0] ?? '')) words.shift();
  return words.length === 0 ? undefined : words.join(' ');
}

/**
 * Names of people in `texts`, in order of first mention, each once. A name seen both with and
 * without a title is one person; a surname alone is not a new one.
 * @example findPeople(['Clive Betts MP, chair of the Committee']) // ['Clive Betts']
 */
export function findPeople(texts: readonly string[]): string[] {
  const found: { name: string; at: number; part: number }[] = [];
  texts.forEach((text, part) => {
    for (const re of [TITLED, LETTERED]) {
      for (const match of text.matchAll(re)) {
        const name = clean(match[1] ?? '');
        if (name !== undefined) found.push({ name, at: match.index, part });
      }
    }
  });
  found.sort((a, b) => a.part - b.part || a.at - b.at);
  const people: string[] = [];
  for (const { name } of found) {
    const known = people.findIndex(
      (p) => p === name || p.endsWith(` ${name}`) || name.endsWith(` ${p}`),
    );
    if (known < 0) people.push(name);
    else if (name.length > (people[known] ?? '').length) people[known] = name;
  }
  return people;
}
