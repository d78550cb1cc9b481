import { storyBodyHtml, parseStory, type Story } from '@bulletin/story';
import { describe, expect, it } from 'vitest';
import { parseWire } from './index.js';
import { readFixture, SEED_FIXTURE } from './testing.js';

const source = { id: 'test-source', name: 'Test source' };
const receivedAt = '2030-01-01T12:00:00.000Z';

async function parseText(bytes: Uint8Array | string): Promise<Story> {
  const result = await parseWire({ bytes, source, receivedAt });
  expect(result.format).toBe('text');
  expect(result.rejected).toEqual([]);
  expect(result.stories).toHaveLength(1);
  return result.stories[0] as Story;
}

interface TextCase {
  fixture: string;
  headline: string;
  firstcreated: string;
  versioncreated?: string;
  bodyStart: string;
  bodyEnd: string;
  paragraphs: number;
  byline?: string;
  images?: Story['images'];
  chrome: string[];
}

const CASES: TextCase[] = [
  {
    fixture: SEED_FIXTURE,
    headline: 'Circumstances that led to Rotherham child abuse exist in other councils',
    firstcreated: '2014-11-18T00:00:00.000Z',
    bodyStart: 'The circumstances found within Rotherham council',
    bodyEnd: 'police and crime commissioner.',
    paragraphs: 11,
    images: [{ credit: 'c. Lynne Cameron/PA Wire' }],
    chrome: [
      'News\n',
      '18.11.14',
      'Image:',
      'Tell us what you think',
      'Comments',
      'no comments',
      'Add your comment',
      'related',
      'latest news',
      'Peter Kyle',
      '21/06/2019',
      'more >',
      'mon tue wed',
      '27 28 29',
      'featured articles',
      'View all News',
      'August 2020',
      'public sector executive tv',
      'Prevention: Investing',
    ],
  },
  {
    fixture: 'text/northfield-council-budget-2025-02-18.txt',
    headline: 'Northfield councillors approve 4.99% council tax rise to protect adult social care',
    firstcreated: '2025-02-18T00:00:00.000Z',
    bodyStart: 'Councillors in Northfield have approved a 4.99% rise',
    bodyEnd: 'council tax support scheme and hardship fund.',
    paragraphs: 10,
    byline: 'Jane Smith, Local Democracy Reporter',
    chrome: [
      'cookies',
      'Skip to main content',
      'Home |',
      'Home >',
      'Share this article',
      'Facebook',
      'LinkedIn',
      'Did you find this page useful?',
      'Most read',
      'Garden waste',
      'newsletter',
      'Subscribe',
      'Follow us',
      'Accessibility statement',
      '©',
      'Published:',
    ],
  },
  {
    fixture: 'text/ridings-hospitals-ae-2024-06-12.txt',
    headline:
      'Ridings Hospitals NHS Trust opens £14m emergency department after record winter demand',
    // 10:32 UK time in June is British Summer Time, one hour ahead of UTC.
    firstcreated: '2024-06-12T09:32:00.000Z',
    bodyStart: 'A new £14 million emergency department has opened',
    bodyEnd: 'with work due to finish in early 2025.',
    paragraphs: 9,
    chrome: [
      'Yorkshire Health Bulletin',
      'Features',
      'Opinion',
      'Wednesday 12 June',
      'briefing',
      'Sign up',
      'Related stories',
      'Leeds trust',
      'Tags:',
      'Workforce',
      'Copyright',
      'About us',
    ],
  },
  {
    fixture: 'text/harbourshire-police-county-lines-2023-09-05.txt',
    headline:
      'Safeguarding partnership warns parents over county lines recruitment through social media',
    firstcreated: '2023-09-05T00:00:00.000Z',
    bodyStart: 'Children as young as 12 are being targeted on social media',
    bodyEnd: 'passed anonymously to Crimestoppers.',
    paragraphs: 8,
    byline: 'Daniel Price',
    chrome: [
      'Menu',
      'You are here',
      'Print this page',
      'Written by',
      'Posted on',
      'Share on',
      'Latest news',
      'rural crime survey',
      'Back to top',
      '© 2023',
    ],
  },
  {
    fixture: 'text/rivermouth-school-ofsted-2024-03-07.txt',
    headline:
      'Hillcrest Primary rated Good by Ofsted two years after being placed in special measures',
    firstcreated: '2024-03-07T00:00:00.000Z',
    // The standfirst under the headline is article text, so the body starts with it.
    bodyStart: 'Inspectors praised a "transformed" culture of reading',
    bodyEnd: 'Ofsted will not normally inspect the school again for around four years.',
    paragraphs: 10,
    images: [
      {
        caption:
          'Pupils at Hillcrest Primary School celebrate the result with headteacher Amanda Cole.',
        credit: 'Rivermouth Borough Council',
      },
    ],
    chrome: [
      'RIVERMOUTH POST',
      'Local news you can trust',
      'Education\n',
      'Listen to this article',
      'min read',
      'Picture:',
      'March 7',
      '3 comments',
      'Leave a reply',
      'will not be published',
      'You may also like',
      'Newsletter',
      'Quay Street',
      '(c) Rivermouth',
    ],
  },
  {
    fixture: 'text/pswire-temporary-accommodation-2014-11-18.txt',
    headline: 'Number of families in temporary accommodation rises for sixth year',
    firstcreated: '2014-11-18T09:15:00.000Z',
    bodyStart: 'The number of families living in temporary accommodation in England has risen',
    bodyEnd: 'compared with nightly-let rates.',
    paragraphs: 7,
    byline: 'Tom Reid, Housing Correspondent',
    chrome: [
      'PUBLIC SECTOR WIRE',
      'HOUSING /',
      'ENDS',
      'Notes to editors',
      '1. Figures',
      'Contact:',
    ],
  },
  {
    fixture: 'text/calderbrook-social-care-winter-2024-04-02.txt',
    headline: 'Is adult social care in Calderbrook ready for another winter of hospital pressure?',
    firstcreated: '2024-04-02T00:00:00.000Z',
    // "Last updated: 14:20, 3 April 2024" is UK summer time.
    versioncreated: '2024-04-03T13:20:00.000Z',
    bodyStart: 'Calderbrook Council has set out a £9.8 million plan',
    bodyEnd: 'before the winter period begins.',
    paragraphs: 8,
    byline: 'Helen Marsh',
    chrome: [
      'Sign in',
      'THE CARE BRIEFING',
      'Workforce |',
      'Policy analysis',
      'min read',
      'First published',
      'Last updated',
      'Advertisement',
      'Story continues below',
      'More from',
      'Recommended',
      'Subscribe',
      'Terms of use',
      '©',
    ],
  },
];

describe('parseWire on scraped article text', () => {
  it.each(CASES)('$fixture: finds the article and drops the page furniture', async (expected) => {
    const story = await parseText(readFixture(expected.fixture));
    expect(story.headline).toBe(expected.headline);
    expect(story.firstcreated).toBe(expected.firstcreated);
    expect(story.versioncreated).toBe(expected.versioncreated ?? expected.firstcreated);
    expect(story.bodyText.startsWith(expected.bodyStart)).toBe(true);
    expect(story.bodyText.endsWith(expected.bodyEnd)).toBe(true);
    expect(story.bodyText.split('\n\n')).toHaveLength(expected.paragraphs);
    expect(story.byline).toBe(expected.byline);
    expect(story.images).toEqual(expected.images ?? []);
    for (const line of expected.chrome) {
      expect(`${story.bodyText}\n`, `"${line}" leaked into the body`).not.toContain(line);
      expect(story.summary).not.toContain(line.trim());
    }
  });

  it.each(CASES)(
    '$fixture: gives a valid, usable story in the house shape',
    async ({ fixture }) => {
      const story = await parseText(readFixture(fixture));
      expect(parseStory(story)).toEqual(story);
      expect(story).toMatchObject({
        version: 1,
        pubstatus: 'usable',
        language: 'en-GB',
        subjects: [],
        people: [],
        organisations: [],
        places: [],
        source,
      });
      const paragraphs = story.bodyText.split('\n\n');
      // HTML that only repeats the paragraphs is not carried; readers derive the same markup.
      expect(story.bodyHtml).toBeUndefined();
      expect(storyBodyHtml(story).split('\n')).toHaveLength(paragraphs.length);
      expect(storyBodyHtml(story).startsWith('<p>')).toBe(true);
      expect(story.summary.length).toBeLessThanOrEqual(301);
      expect(paragraphs[0]?.startsWith(story.summary.replace(/…$/, ''))).toBe(true);
    },
  );

  it('keeps the seed story text exact, including curly quotes and dashes', async () => {
    const story = await parseText(readFixture(SEED_FIXTURE));
    expect(story.summary).toBe(
      'The circumstances found within Rotherham council that allowed over 1,400 children in the area to be sexually abused over 16 years are likely to be found in other local authorities, an inquiry from the Communities and Local Government Committee has found.',
    );
    expect(story.bodyText).toContain('“policies divorced from reality');
    expect(story.bodyText).toContain('wide scale – mostly by Asian men – yet failed to act.');
    expect(story.bodyText).not.toContain('\u00a0');
  });

  it('escapes HTML in the body it builds from text', async () => {
    const text =
      'Council & NHS <agree> plan\n\nThe council & the <b>NHS</b> agreed a "joint" plan today for the town.';
    const story = await parseText(text);
    expect(story.headline).toBe('Council & NHS <agree> plan');
    expect(storyBodyHtml(story)).toBe(
      '<p>The council &amp; the &lt;b&gt;NHS&lt;/b&gt; agreed a &quot;joint&quot; plan today for the town.</p>',
    );
  });
});
