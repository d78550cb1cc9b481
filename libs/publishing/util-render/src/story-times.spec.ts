import { describe, expect, it } from 'vitest';
import { RenderError } from './render-error.js';
import { storyTimes } from './story-times.js';
import { buildStory } from './testing.js';

describe('storyTimes', () => {
  it('passes timed stories through as the instants they name', () => {
    const times = storyTimes(
      buildStory({
        firstcreated: '2024-03-01T09:30:00+01:00',
        versioncreated: '2024-03-02T10:00:00Z',
      }),
    );
    expect(times.published.toISOString()).toBe('2024-03-01T08:30:00.000Z');
    expect(times.updated.toISOString()).toBe('2024-03-02T10:00:00.000Z');
  });

  it('starts a date-only story at the start of its day in Europe/London', () => {
    const summer = buildStory({
      dateOnly: true,
      firstcreated: '2024-06-01T00:00:00Z',
      versioncreated: '2024-06-03T00:00:00+01:00',
    });
    expect(storyTimes(summer).published.toISOString()).toBe('2024-05-31T23:00:00.000Z');
    expect(storyTimes(summer).updated.toISOString()).toBe('2024-06-02T23:00:00.000Z');
    const winter = buildStory({
      dateOnly: true,
      firstcreated: '2024-01-15T00:00:00Z',
      versioncreated: '2024-01-15T00:00:00Z',
    });
    expect(storyTimes(winter).published.toISOString()).toBe('2024-01-15T00:00:00.000Z');
  });

  it('names the story and field of a date that does not parse', () => {
    const story = buildStory({ firstcreated: 'soon' });
    expect(() => storyTimes(story)).toThrow(RenderError);
    expect(() => storyTimes(story)).toThrow(`story ${story.id} firstcreated`);
  });
});
