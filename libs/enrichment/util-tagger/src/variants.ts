/**
 * Spelling and number variants of a taxonomy phrase, so an editor writes `care home` once and
 * the tagger also finds `care homes`, and `organisation` also finds `organization`. Variants
 * change the last word's number and any word's British/American spelling; words in capitals
 * (`MBC`, `GPs`) and short single words are left alone, and a single plural word is not made
 * singular, since those variants would be noise.
 */

const SPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/isation(s?)$/, 'ization$1'],
  [/is(e|ed|es|ing)$/, 'iz$1'],
  [/^(neighb|behavi|lab|col|harb|fav|hon)our(s|ed|ing|hood|hoods)?$/, '$1or$2'],
  [/^(cent|theat|met)re(s?)$/, '$1er$2'],
  [/^programme(s?)$/, 'program$1'],
  [/^(defen|licen|offen)ce(s?)$/, '$1se$2'],
  [/^paed/, 'ped'],
  [/^an(a)?esth/, 'anesth'],
  [/^foet/, 'fet'],
];

const NO_PLURAL = /(ed|ing|ly|ous|ful|al|ic|ss|us|is)$/;

function pluralise(word: string): string | undefined {
  if (NO_PLURAL.test(word)) return undefined;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

function singularise(word: string): string[] {
  if (/ies$/.test(word)) return [`${word.slice(0, -3)}y`];
  if (/(xes|ches|shes|sses)$/.test(word)) return [word.slice(0, -2)];
  if (/[^su]s$/.test(word) && !/is$/.test(word)) return [word.slice(0, -1)];
  return [];
}

/** A single word is only made plural: its singular is often broader (`academies` → `academy`). */
function numberVariants(word: string, single: boolean): string[] {
  const singular = singularise(word);
  if (singular.length > 0) return single ? [] : singular.filter((s) => s.length >= 3);
  const plural = pluralise(word);
  return plural === undefined ? [] : [plural];
}

function spellingVariant(word: string): string | undefined {
  for (const [pattern, replacement] of SPELLINGS) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return undefined;
}

const isPlainWord = (word: string): boolean => /^[a-z]+$/.test(word);

/**
 * The phrase as written plus its variants, as texts to fold. Deterministic, the phrase first.
 * @example phraseVariants('care home') // ['care home', 'care homes']
 */
export function phraseVariants(text: string): string[] {
  const words = text.trim().split(/\s+/);
  const last = words.length - 1;
  const single = words.length === 1;
  const out = new Set<string>([text]);
  const spelled = words.map((word) => (isPlainWord(word) ? spellingVariant(word) : undefined));
  const british = words;
  const american = words.map((word, i) => spelled[i] ?? word);
  for (const form of american.join(' ') === text ? [british] : [british, american]) {
    out.add(form.join(' '));
    const tail = form[last] ?? '';
    if (!isPlainWord(tail) || (single && tail.length <= 4)) continue;
    for (const variant of numberVariants(tail, single))
      out.add([...form.slice(0, last), variant].join(' '));
  }
  return [...out];
}
