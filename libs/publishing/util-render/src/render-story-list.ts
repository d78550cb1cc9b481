import type { Story } from '@bulletin/story';
import type { NinjsDocument } from './ninjs-types.js';
import { renderNinjs } from './render-ninjs.js';
import type { RenderContext } from './render-types.js';
import { storiesApiUrl, type StoryListQuery } from './urls.js';

/** One page of `GET /api/stories`, as the store found it. */
export interface StoryListPage {
  /** Published stories, newest first, as the store pages them; only `usable` ones are listed. */
  stories: readonly Story[];
  /** The store's opaque cursor for the next page; absent on the last page. */
  nextCursor?: string;
  /** The request's filters, repeated in the next page's URL (its cursor is replaced). */
  query?: Omit<StoryListQuery, 'cursor'>;
}

/** The JSON body of `GET /api/stories`. */
export interface StoryListDocument {
  /** Each story as a partial ninjs 2.1 document (no bodies); the full one is at its `ninjs` rendition. */
  items: NinjsDocument[];
  /** Pass as `cursor` for the next page; `null` on the last page. */
  next_cursor: string | null;
  /** The next page's URL with the same filters; `null` on the last page. */
  next_url: string | null;
}

/**
 * Shapes one page of stories into the `GET /api/stories?topic=&since=&cursor=&limit=` response:
 * the stories in the order given as partial ninjs documents, each linking its full document,
 * and the cursor and URL of the next page. Paging and filtering are the store's; this only
 * shapes, so the same page always gives the same document.
 * @example reply.send(renderStoryList({ stories, nextCursor, query: { topic, since, limit } }, ctx));
 * @throws RenderError as {@link renderNinjs} does.
 */
export function renderStoryList(page: StoryListPage, ctx: RenderContext): StoryListDocument {
  const items = page.stories
    .filter((story) => story.pubstatus === 'usable')
    .map((story) => renderNinjs(story, ctx, { representation: 'partial' }));
  const next = page.nextCursor;
  return {
    items,
    next_cursor: next ?? null,
    next_url:
      next === undefined ? null : storiesApiUrl(ctx.baseUrl, { ...page.query, cursor: next }),
  };
}
