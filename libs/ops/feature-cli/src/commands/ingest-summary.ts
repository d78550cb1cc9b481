import type { StoryStore } from '@bulletin/store';

/** What became of the files of one `bulletin ingest DIR`. */
export interface IngestSummary {
  files: number;
  /** Stories new to the store. */
  ingested: number;
  /** Stories the store had with other content: a new version. */
  updated: number;
  /** Stories the store (or this run) already had with the same content. */
  duplicates: number;
  refused: { path: string; reason: string }[];
}

export const emptySummary = (): IngestSummary => ({
  files: 0,
  ingested: 0,
  updated: 0,
  duplicates: 0,
  refused: [],
});

/**
 * Counts a file's stories as new, updated or duplicate, by what the store held when they were
 * queued (the publish stage has the last word: a late older version, say, is ignored there).
 */
export async function countStories(
  summary: IngestSummary,
  stories: readonly { id: string; contentHash: string }[],
  store: Pick<StoryStore, 'record'>,
  seen: Map<string, string>,
): Promise<void> {
  for (const story of stories) {
    const known = seen.get(story.id) ?? (await store.record(story.id))?.contentHash;
    if (known === undefined) summary.ingested += 1;
    else if (known === story.contentHash) summary.duplicates += 1;
    else summary.updated += 1;
    seen.set(story.id, story.contentHash);
  }
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The summary as lines: totals, then each refused file with its reason. */
export function summaryLines(summary: IngestSummary): string[] {
  return [
    `${plural(summary.files, 'file')}: ${summary.ingested} ingested, ${summary.updated} updated, ` +
      `${plural(summary.duplicates, 'duplicate')}, ${summary.refused.length} refused`,
    ...summary.refused.map((file) => `  refused ${file.path}: ${file.reason}`),
  ];
}
