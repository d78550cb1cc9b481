import { describe, expect, it } from 'vitest';
import { digest, parseStory, StoryValidationError, storyId, storyUri } from './index.js';
import { makeStory } from './testing.js';

describe('parseStory', () => {
  it('accepts a complete story', () => {
    const story = makeStory();
    expect(parseStory(JSON.parse(JSON.stringify(story)))).toEqual(story);
  });

  it('names every wrong field in one message', () => {
    const bad = { ...makeStory(), headline: ' ', language: 'English', link: 'javascript:alert(1)' };
    try {
      parseStory(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StoryValidationError);
      const { issues, permanent, code } = error as StoryValidationError;
      expect(code).toBe('STORY_INVALID');
      expect(permanent).toBe(true);
      expect(issues.join('\n')).toMatch(/^headline: must not be empty$/m);
      expect(issues.join('\n')).toMatch(/^language: must be a BCP 47 tag$/m);
      expect(issues.join('\n')).toMatch(/^link: /m);
    }
  });
});

describe('identity', () => {
  it('derives a stable id from source and item id', () => {
    const uri = storyUri('pa', 'item/1');
    expect(uri).toBe('urn:bulletin:pa:item%2F1');
    expect(storyId(uri)).toMatch(/^[0-9a-f]{20}$/);
    expect(storyId(uri)).toBe(storyId(storyUri('pa', 'item/1')));
    expect(storyId(uri)).not.toBe(storyId(storyUri('pa', 'item/2')));
  });

  it('separates digest parts', () => {
    expect(digest('ab', 'c')).not.toBe(digest('a', 'bc'));
  });
});
