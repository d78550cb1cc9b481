import { describe, expect, it } from 'vitest';
import { parseWire, WireParseError } from './index.js';
import { readFixture, SEED_FIXTURE } from './testing.js';

const source = { id: 'test-source', name: 'Test source' };

async function parse(bytes: Uint8Array | string, receivedAt = '2030-01-01T12:00:00.000Z') {
  const result = await parseWire({ bytes, source, receivedAt });
  const story = result.stories[0];
  if (story === undefined) throw new Error('no story');
  return story;
}

async function rejection(bytes: Uint8Array | string): Promise<WireParseError> {
  const error: unknown = await parseWire({
    bytes,
    source,
    receivedAt: '2030-01-01T00:00:00Z',
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WireParseError);
  return error as WireParseError;
}

const WINDOWS_1252: Record<string, number> = { '£': 0xa3, é: 0xe9, '–': 0x96, '’': 0x92 };

const ARTICLE = [
  'Council opens new library in the town centre',
  '',
  'The new library on High Street opened its doors to the public on Saturday morning.',
  '',
  'It has 20,000 books, a children’s area and free computers for residents to use.',
].join('\n');

describe('parseWire on text: identity and determinism', () => {
  it('gives the same story bytes for the same input', async () => {
    const first = await parse(readFixture(SEED_FIXTURE));
    const second = await parse(readFixture(SEED_FIXTURE));
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('gives the same id when the same dated article arrives again later, and as a string', async () => {
    const first = await parse(readFixture(SEED_FIXTURE), '2030-01-01T00:00:00Z');
    const again = await parse(readFixture(SEED_FIXTURE).toString('utf8'), '2031-06-01T00:00:00Z');
    expect(again.id).toBe(first.id);
    expect(again.uri).toBe(first.uri);
    expect(again.contentHash).toBe(first.contentHash);
    expect(first.uri).toMatch(/^urn:bulletin:test-source:[0-9a-f]{24}$/);
  });

  it('reads Windows line endings the same as Unix ones', async () => {
    const unix = await parse(readFixture(SEED_FIXTURE));
    const windows = await parse(readFixture(SEED_FIXTURE).toString('utf8').replace(/\n/g, '\r\n'));
    expect(windows).toEqual(unix);
  });

  it('falls back to receivedAt for an undated article, keeping its id stable', async () => {
    const first = await parse(ARTICLE, '2030-01-01T12:00:00Z');
    const later = await parse(ARTICLE, '2030-02-01T12:00:00Z');
    expect(first.firstcreated).toBe('2030-01-01T12:00:00.000Z');
    expect(first.versioncreated).toBe('2030-01-01T12:00:00.000Z');
    expect(later.id).toBe(first.id);
  });

  it('changes the content hash when the body changes but not the id', async () => {
    const first = await parse(ARTICLE);
    const edited = await parse(`${ARTICLE}\n\nIt will be open seven days a week from next month.`);
    expect(edited.id).toBe(first.id);
    expect(edited.contentHash).not.toBe(first.contentHash);
  });
});

describe('parseWire on text: shapes of copy', () => {
  it('decodes windows-1252 bytes that are not valid UTF-8', async () => {
    const text = `${ARTICLE}\n\nEntry costs £5 for the café – residents go free.`;
    const bytes = Uint8Array.from(text, (char) => WINDOWS_1252[char] ?? char.charCodeAt(0));
    const story = await parse(bytes);
    expect(story.bodyText.endsWith('Entry costs £5 for the café – residents go free.')).toBe(true);
  });

  it('joins hard-wrapped wire copy back into paragraphs but keeps date and byline lines', async () => {
    const story = await parse(readFixture('text/pswire-temporary-accommodation-2014-11-18.txt'));
    const paragraphs = story.bodyText.split('\n\n');
    expect(paragraphs[3]).toBe(
      'Cllr Peter Whitmore, housing spokesman for the District Councils\' Network, said: "Councils are doing everything they can to prevent homelessness, but they cannot build their way out of this crisis without long-term funding and the freedom to borrow to build homes."',
    );
    expect(story.bodyText).not.toMatch(/\S\n\S/);
  });

  it('keeps a sub-heading and a list that belong to the article', async () => {
    const text = [
      'News',
      'Council agrees plan for 1,200 new homes',
      'By Jo Bloggs',
      'The council has agreed a plan for 1,200 new homes on the edge of the town.',
      'What happens next',
      'Planning applications are expected later this year, the council said.',
      'The plan includes:',
      '- 400 affordable homes',
      '- a new primary school',
      'Related stories',
      'Council tax rise agreed',
    ].join('\n');
    const story = await parse(text);
    expect(story.headline).toBe('Council agrees plan for 1,200 new homes');
    expect(story.bodyText.split('\n\n')).toEqual([
      'The council has agreed a plan for 1,200 new homes on the edge of the town.',
      'What happens next',
      'Planning applications are expected later this year, the council said.',
      'The plan includes:',
      '- 400 affordable homes',
      '- a new primary school',
    ]);
  });

  it('trims a long first paragraph to a summary of at most about 300 characters', async () => {
    const long = `${'The council said that the scheme would help residents. '.repeat(8)}`.trim();
    const story = await parse(`Council launches scheme to help residents\n\n${long}`);
    expect(story.summary.length).toBeLessThanOrEqual(300);
    expect(story.summary.endsWith('residents.')).toBe(true);
  });
});

describe('parseWire on text: rejections', () => {
  it('rejects an empty or blank payload', async () => {
    expect((await rejection('')).code).toBe('WIRE_EMPTY');
    expect((await rejection(' \n\t\n')).code).toBe('WIRE_EMPTY');
    expect((await rejection(new Uint8Array())).code).toBe('WIRE_EMPTY');
  });

  it('rejects binary data', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const error = await rejection(png);
    expect(error.code).toBe('WIRE_BINARY');
    expect(error.permanent).toBe(true);
    expect((await rejection('%PDF-1.7\n%âãÏÓ\n1 0 obj')).code).toBe('WIRE_BINARY');
  });

  it('rejects text with no prose body, saying so', async () => {
    const error = await rejection('Home\nNews\nContact us\nCouncil agrees budget\nMore news >');
    expect(error.code).toBe('WIRE_NO_BODY');
    expect(error.message).toMatch(/no article body/);
  });

  it('rejects text whose body has no headline above it, saying so', async () => {
    const error = await rejection(
      'The council approved its budget last night after a long debate in the chamber. It was close. Councillors voted 30 to 29 after four hours.',
    );
    expect(error.code).toBe('WIRE_NO_HEADLINE');
    expect(error.message).toMatch(/no headline/);
  });

  it('rejects an unusable receivedAt', async () => {
    const error: unknown = await parseWire({
      bytes: ARTICLE,
      source,
      receivedAt: 'yesterday',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WIRE_INPUT_INVALID' });
  });
});
