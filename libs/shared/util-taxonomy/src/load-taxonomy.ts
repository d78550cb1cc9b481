import type { z } from 'zod';
import { TaxonomyError } from './errors.js';
import { describeFolded, foldPhrase, isWordBounded } from './normalise.js';
import { findRetiredCode } from './retired-codes.js';
import { taxonomySchema, type Taxonomy, type Topic } from './taxonomy.schema.js';

/**
 * Validates taxonomy data (usually `data/taxonomy.json`) and returns it frozen.
 *
 * Beyond the shape, it rejects what would make tags unexplainable or silently wrong: duplicate
 * slugs (former slugs included), retired Media Topic codes, phrases that do not start and end on a letter or digit (they could never match on word
 * boundaries), and two phrases of one topic that fold to the same text.
 * @throws TaxonomyError naming the topic and field of every problem.
 * @example loadTaxonomy(JSON.parse(text)).topics.map((t) => t.slug)
 */
export function loadTaxonomy(data: unknown): Taxonomy {
  const result = taxonomySchema.safeParse(data);
  if (!result.success) throw new TaxonomyError(formatTaxonomyIssues(result.error, data));
  const topics: Topic[] = result.data.topics;
  const issues = [
    ...findDuplicateSlugs(topics),
    ...topics.flatMap(findRetiredCodes),
    ...topics.flatMap(findPhraseProblems),
  ];
  if (issues.length > 0) throw new TaxonomyError(issues);
  const { vocabulary } = result.data;
  return deepFreeze(vocabulary === undefined ? { topics } : { topics, vocabulary });
}

/** `topic "slug": field: message`, falling back to `topics[i]` when the slug is unusable. */
function formatTaxonomyIssues(error: z.ZodError, data: unknown): string[] {
  return error.issues.map((issue) => {
    const [root, index, ...rest] = issue.path;
    if (root !== 'topics' || typeof index !== 'number') {
      return `${issue.path.length > 0 ? issue.path.join('.') : '(taxonomy)'}: ${issue.message}`;
    }
    const field = rest.length > 0 ? formatPath(rest) : '(topic)';
    return `${topicLabel(data, index)}: ${field}: ${issue.message}`;
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
    .join('');
}

function topicLabel(data: unknown, index: number): string {
  const topics: unknown = (data as { topics?: unknown } | null)?.topics;
  const slug: unknown = Array.isArray(topics) ? (topics[index] as { slug?: unknown })?.slug : null;
  return typeof slug === 'string' && slug !== '' ? `topic "${slug}"` : `topics[${index}]`;
}

function findDuplicateSlugs(topics: readonly Topic[]): string[] {
  const seen = new Set<string>();
  const issues: string[] = [];
  topics.forEach((topic, i) => {
    if (seen.has(topic.slug)) issues.push(`topic "${topic.slug}": slug: duplicate (topics[${i}])`);
    seen.add(topic.slug);
  });
  // A former slug redirects to its topic, so it must not name any topic, now or before.
  topics.forEach((topic) => {
    topic.formerSlugs.forEach((former, j) => {
      if (seen.has(former)) {
        issues.push(`topic "${topic.slug}": formerSlugs[${j}]: "${former}" is already a slug`);
      }
      seen.add(former);
    });
  });
  return issues;
}

function findRetiredCodes(topic: Topic): string[] {
  return topic.codes.flatMap((code, i) => {
    const retired = findRetiredCode(code);
    return retired === undefined
      ? []
      : [
          `topic "${topic.slug}": codes[${i}]: ${code} (${retired.label}) was retired by IPTC in ${retired.retired}`,
        ];
  });
}

function findPhraseProblems(topic: Topic): string[] {
  const issues: string[] = [];
  const seen = new Map<string, string>();
  const check = (field: 'phrases' | 'negative', text: string, i: number): void => {
    const folded = foldPhrase(text);
    const where = `topic "${topic.slug}": ${field}[${i}].text`;
    if (!isWordBounded(folded)) {
      issues.push(`${where}: "${text}" must start and end with a letter or digit`);
      return;
    }
    const key = folded.join(',');
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(
        `${where}: "${text}" duplicates ${first} (both read "${describeFolded(folded)}")`,
      );
    } else seen.set(key, `${field}[${i}]`);
  };
  topic.phrases.forEach((p, i) => check('phrases', p.text, i));
  topic.negative.forEach((p, i) => check('negative', p.text, i));
  return issues;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
