import { describe, expect, it } from 'vitest';
import { renderStoryList } from './render-story-list.js';
import { buildRenderContext, buildStory, checkNinjs } from './testing.js';

const ctx = buildRenderContext({ baseUrl: 'https://news.example.org' });
const newer = buildStory({
  id: 'b'.repeat(20),
  uri: 'urn:bulletin:t:2',
  firstcreated: '2024-03-02T09:00:00Z',
});
const older = buildStory();

describe('renderStoryList', () => {
  it('lists the stories in the order given as partial ninjs documents', () => {
    const document = renderStoryList({ stories: [newer, older] }, ctx);
    expect(document.items.map((item) => item.uri)).toEqual([
      'urn:bulletin:t:2',
      'urn:bulletin:gov-uk:item-1',
    ]);
    for (const item of document.items) {
      expect(checkNinjs(item)).toEqual([]);
      expect(item.representationtype).toBe('partial');
      expect(item).not.toHaveProperty('bodies', expect.anything());
    }
    expect(document.items[1]?.renditions).toContainEqual({
      name: 'ninjs',
      href: 'https://news.example.org/stories/a1b2c3d4e5f6a7b8c9d0.json',
      contenttype: 'application/json',
    });
  });

  it('gives the next cursor and a next URL that keeps the filters', () => {
    const document = renderStoryList(
      {
        stories: [newer],
        nextCursor: 'opaque/cursor+1',
        query: { topic: 'health', since: '2024-03-01T00:00:00Z', limit: 1 },
      },
      ctx,
    );
    expect(document.next_cursor).toBe('opaque/cursor+1');
    expect(document.next_url).toBe(
      'https://news.example.org/api/stories?topic=health&since=2024-03-01T00%3A00%3A00Z&limit=1&cursor=opaque%2Fcursor%2B1',
    );
    expect(new URL(document.next_url ?? '').searchParams.get('cursor')).toBe('opaque/cursor+1');
  });

  it('ends with null cursor and URL on the last page, and may be empty', () => {
    expect(renderStoryList({ stories: [] }, ctx)).toEqual({
      items: [],
      next_cursor: null,
      next_url: null,
    });
  });

  it('never lists a withheld or killed story', () => {
    const killed = buildStory({ uri: 'urn:k:1', pubstatus: 'canceled' });
    const withheld = buildStory({ uri: 'urn:w:1', pubstatus: 'withheld' });
    const items = renderStoryList({ stories: [killed, older, withheld] }, ctx).items;
    expect(items.map((item) => item.uri)).toEqual(['urn:bulletin:gov-uk:item-1']);
  });

  it('serialises to the same bytes every time', () => {
    const page = { stories: [newer, older], nextCursor: 'c' };
    expect(JSON.stringify(renderStoryList(page, ctx))).toBe(
      JSON.stringify(renderStoryList(structuredClone(page), { ...ctx })),
    );
  });
});
