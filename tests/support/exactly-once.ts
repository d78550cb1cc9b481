import type { PipelineProbe } from './pipeline-state.js';

export interface Tally {
  /** Stories in `all`. */
  inAll: number;
  /** Expected ids missing from `all`. */
  missing: string[];
  /** Ids in `all` that were not expected. */
  unexpected: string[];
  /** Stories whose record has more than one version: a repeat that became a version. */
  doubled: string[];
  /** Stories missing from a topic feed their record says they are in, or in one they are not. */
  topicMismatches: string[];
  failed: number;
  unfinished: number;
}

/**
 * Counts what arrived: each expected story in `all` exactly once, at version 1, in exactly the
 * topic feeds its record names, and nothing failed or left in any queue.
 */
export async function tally(probe: PipelineProbe, ids: readonly string[]): Promise<Tally> {
  const all = new Set(await probe.index.latest('all', 1_000_000));
  const expected = new Set(ids);
  const doubled: string[] = [];
  const topicMismatches: string[] = [];
  const members = new Map<string, Set<string>>();
  const topicFeed = async (slug: string) => {
    if (!members.has(slug))
      members.set(slug, new Set(await probe.index.latest(`topics/${slug}`, 1_000_000)));
    return members.get(slug) as Set<string>;
  };
  for (const id of expected) {
    const record = await probe.store.record(id);
    if (!record) continue;
    if (record.version !== 1) doubled.push(id);
    for (const slug of record.topics)
      if (!(await topicFeed(slug)).has(id)) topicMismatches.push(`${id} not in ${slug}`);
  }
  for (const [slug, set] of members) {
    for (const id of set) {
      const record = await probe.store.record(id);
      if (!record?.topics.includes(slug)) topicMismatches.push(`${id} wrongly in ${slug}`);
    }
  }
  return {
    inAll: all.size,
    missing: [...expected].filter((id) => !all.has(id)),
    unexpected: [...all].filter((id) => !expected.has(id)),
    doubled,
    topicMismatches,
    failed: await probe.failed(),
    unfinished: await probe.unfinished(),
  };
}

/** What a run must come to: every story once, nothing else. */
export function perfect(count: number): Tally {
  return {
    inAll: count,
    missing: [],
    unexpected: [],
    doubled: [],
    topicMismatches: [],
    failed: 0,
    unfinished: 0,
  };
}
