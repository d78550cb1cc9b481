import type { Story } from '@bulletin/story';
import type { RenderContext } from '../render-types.js';

/**
 * A valid story with every optional field set. Each call returns fresh objects, so a test
 * may change its copy freely.
 * @example buildStory({ id: 'b'.repeat(20), headline: 'Second' })
 */
export function buildStory(overrides: Partial<Story> = {}): Story {
  return {
    id: 'a1b2c3d4e5f6a7b8c9d0',
    uri: 'urn:bulletin:gov-uk:item-1',
    type: 'text',
    version: 2,
    versioncreated: '2024-03-01T10:15:00Z',
    firstcreated: '2024-03-01T09:30:00Z',
    pubstatus: 'usable',
    headline: 'Council opens new family hub',
    byline: 'Jo Smith',
    bodyText: 'The hub opened today.\n\nIt serves three towns.',
    bodyHtml: '<p>The hub opened today.</p><p>It serves three towns.</p>',
    summary: 'The hub opened today.',
    language: 'en-GB',
    link: 'https://www.gov.uk/news/family-hub',
    source: { id: 'gov-uk', name: 'GOV.UK' },
    subjects: [
      {
        slug: 'child-protection',
        name: 'Child protection',
        codes: ['medtop:20000612'],
        confidence: 0.9,
        matched: ['family hub'],
      },
    ],
    people: [],
    organisations: [{ name: 'Department for Education' }],
    places: [{ name: 'Leeds' }],
    images: [
      { href: 'https://assets.gov.uk/hub.jpg', caption: 'The new hub', credit: 'Crown copyright' },
    ],
    contentHash: 'c0ffee',
    ...overrides,
  };
}

/** Text meant to break out of markup: tags, entities, quotes, CDATA ends, controls, astral. */
export const HOSTILE_TEXT = `<script>alert("x")</script> & &amp; 'q' "dq" ]]> ]]> \u0000\u0008\u001B\uFFFE \uD800 😀 𝔘`;

/** {@link HOSTILE_TEXT} with the characters XML forbids removed: what a reader should get. */
export const HOSTILE_TEXT_CLEAN = `<script>alert("x")</script> & &amp; 'q' "dq" ]]> ]]>   😀 𝔘`;

/**
 * A story whose every free-text field is hostile; its body is still sanitised HTML as the
 * schema promises, but holds `]]>` and an astral character.
 */
export function buildHostileStory(overrides: Partial<Story> = {}): Story {
  return buildStory({
    uri: `urn:bulletin:evil:"&<>]]>\u0001`,
    headline: `Headline ${HOSTILE_TEXT}`,
    byline: `Byline ${HOSTILE_TEXT}`,
    summary: `Summary ${HOSTILE_TEXT}`,
    bodyHtml: '<p>Body ]]> ]]&gt; 😀 &amp; text\u0000</p>',
    source: { id: 'evil', name: `Source ${HOSTILE_TEXT}` },
    subjects: [
      {
        slug: `slug"&<'x`,
        name: `Topic ${HOSTILE_TEXT}`,
        codes: ['medtop:20000612'],
        confidence: 1,
        matched: [],
      },
    ],
    images: [
      {
        href: 'https://img.example/"&<x>.jpg',
        caption: `Caption ${HOSTILE_TEXT}`,
        credit: `Credit ${HOSTILE_TEXT}`,
      },
    ],
    link: 'https://example.org/a?b=1&c="2"<x>',
    ...overrides,
  });
}

/**
 * A render context for tests; `hostile` gives a base URL and site title full of quotes,
 * ampersands and angle brackets.
 */
export function buildRenderContext(overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    baseUrl: 'http://localhost:3000',
    siteTitle: 'bulletin',
    emptyUpdated: '2024-01-01T00:00:00Z',
    ...overrides,
  };
}

/** A base URL that breaks out of any attribute or text it is pasted into unescaped. */
export const HOSTILE_BASE_URL = `http://evil.example/a"b'c&d<e>f`;
