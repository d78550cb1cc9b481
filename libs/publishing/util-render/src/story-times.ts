import type { Story } from '@bulletin/story';
import { dayNamedBy, startOfLondonDay } from './london-day.js';
import { parseInstant } from './parse-instant.js';

/** The time zone whose day starts a date-only story's feed times. */
export const DATE_ONLY_TIME_ZONE = 'Europe/London';

/** When a story was first published and last updated, as feeds state them. */
export interface StoryTimes {
  readonly published: Date;
  readonly updated: Date;
}

function feedInstant(iso: string, field: string, dateOnly: boolean): Date {
  const instant = parseInstant(iso, field);
  return dateOnly ? startOfLondonDay(dayNamedBy(iso, instant)) : instant;
}

/**
 * The story's `firstcreated` and `versioncreated` as instants. Feed formats require a time,
 * so for a `dateOnly` story (the source gave a date alone) each is the start of its day in
 * Europe/London ({@link DATE_ONLY_TIME_ZONE}): `2024-06-01` becomes `2024-05-31T23:00:00Z`
 * in summer and `2024-01-15` becomes `2024-01-15T00:00:00Z` in winter. Pages show the date alone.
 * @throws RenderError `RENDER_INVALID_DATE` naming the story and field.
 */
export function storyTimes(story: Story): StoryTimes {
  const dateOnly = story.dateOnly === true;
  return {
    published: feedInstant(story.firstcreated, `story ${story.id} firstcreated`, dateOnly),
    updated: feedInstant(story.versioncreated, `story ${story.id} versioncreated`, dateOnly),
  };
}
