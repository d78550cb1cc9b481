import type { Story } from '@bulletin/story';
import type { DigestDeps } from './digest-deps.js';

/** The most stories one edition carries; older ones beyond it wait for no one. */
export const MAX_EDITION_STORIES = 500;

/** The newest publication sequence in the `all` feed (0 for an empty store). */
export async function newestSequence(deps: Pick<DigestDeps, 'index'>): Promise<number> {
  const [newest] = await deps.index.bySequence('all', { limit: 1 });
  return newest?.sequence ?? 0;
}

/**
 * Stories first published after sequence `from` up to `to`, as readers see them now: killed or
 * withheld ones are out of the feeds and so out of the digest; an update keeps its sequence,
 * so it never comes back as new.
 */
export async function storiesBetween(
  deps: Pick<DigestDeps, 'index' | 'stories'>,
  from: number,
  to: number,
): Promise<Story[]> {
  if (to <= from) return [];
  const entries = await deps.index.bySequence('all', {
    before: to + 1,
    limit: MAX_EDITION_STORIES,
  });
  const ids = entries.filter((entry) => entry.sequence > from).map((entry) => entry.id);
  return ids.length === 0 ? [] : deps.stories.getMany(ids);
}

/** Stories first shown since `sinceMs` (a preview's `--since`). */
export async function storiesSince(deps: Pick<DigestDeps, 'index' | 'stories'>, sinceMs: number) {
  const entries = await deps.index.page('all', { since: sinceMs, limit: MAX_EDITION_STORIES });
  return entries.length === 0 ? [] : deps.stories.getMany(entries.map((entry) => entry.id));
}
