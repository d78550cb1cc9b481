import type { PublishJobData } from '@bulletin/contracts';
import type { FeedIndex } from '@bulletin/store';

export interface PublishDeps {
  index: Pick<FeedIndex, 'indexStory'>;
}

/** Puts a tagged story version into `all` and its topic feeds; older versions are ignored. */
export async function processPublish(
  data: PublishJobData,
  deps: PublishDeps,
): Promise<{ indexed: boolean }> {
  return { indexed: await deps.index.indexStory(data) };
}
