/** Story builders for other projects' tests. Each call returns a fresh object. */
import { digest, storyId, storyUri } from './identity.js';
import { parseStory } from './parse-story.js';
import type { Story } from './story.schema.js';

/**
 * A valid story; `key` varies its identity and content. Overrides are applied last and the
 * result is validated, so a test cannot build an invalid story by accident.
 */
export function makeStory(key = 'one', overrides: Partial<Story> = {}): Story {
  const uri = storyUri('test', key);
  const headline = overrides.headline ?? `Council publishes report ${key}`;
  const bodyText = overrides.bodyText ?? `The council published report ${key} today.`;
  return parseStory({
    id: storyId(uri),
    uri,
    type: 'text',
    version: 1,
    versioncreated: '2014-11-18T00:00:00.000Z',
    firstcreated: '2014-11-18T00:00:00.000Z',
    pubstatus: 'usable',
    headline,
    bodyText,
    bodyHtml: `<p>${bodyText}</p>`,
    summary: bodyText,
    language: 'en-GB',
    source: { id: 'test', name: 'Test wire' },
    subjects: [],
    people: [],
    organisations: [],
    places: [],
    images: [],
    contentHash: digest(headline, bodyText),
    ...overrides,
  });
}
