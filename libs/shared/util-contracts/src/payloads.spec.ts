import { StoryValidationError } from '@bulletin/story';
import { describe, expect, it } from 'vitest';
import { parseIngestJob, parsePublishJob, storyVersionJobId } from './index.js';

const ingest = {
  source: { id: 'files', name: 'Local files' },
  receivedAt: '2014-11-18T09:00:00.000Z',
  encoding: 'utf8',
  payload: 'Headline\n\nBody.',
};

describe('job payload parsers', () => {
  it('accepts a well-formed ingest job', () => {
    expect(parseIngestJob(ingest)).toEqual(ingest);
  });

  it('names each bad field and the queue', () => {
    const bad = { ...ingest, encoding: 'utf16', payload: '' };
    expect(() => parseIngestJob(bad)).toThrow(StoryValidationError);
    expect(() => parseIngestJob(bad)).toThrow(
      /^ingest job data is invalid: .*encoding.*payload: must not be empty/,
    );
  });

  it('rejects a publish job with a fractional version', () => {
    expect(() =>
      parsePublishJob({ id: 'a'.repeat(20), version: 1.5, publishedAt: 0, topics: [] }),
    ).toThrow(/version/);
  });

  it('builds job ids without colons, which BullMQ reserves', () => {
    expect(storyVersionJobId('abc', 3)).toBe('abc-v3');
  });
});
