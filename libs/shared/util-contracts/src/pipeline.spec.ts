import { StoryValidationError } from '@bulletin/story';
import { makeStory } from '@bulletin/story/testing';
import { describe, expect, it } from 'vitest';
import { ALL_STAGES, PIPELINE, STAGES } from './index.js';

const ingest = {
  source: { id: 'files', name: 'Local files' },
  receivedAt: '2014-11-18T09:00:00.000Z',
  encoding: 'utf8',
  payload: 'Headline\n\nBody.',
};

describe('the pipeline table', () => {
  it('chains the stages in order, each to the next, the last to none', () => {
    expect(STAGES.map((stage) => PIPELINE[stage].next)).toEqual(['enrich', 'publish', null]);
    expect(new Set(ALL_STAGES.map((stage) => PIPELINE[stage].queue)).size).toBe(ALL_STAGES.length);
    expect(PIPELINE.notify.parse({ feed: 'topics/housing' })).toEqual({ feed: 'topics/housing' });
    expect(PIPELINE.poll.parse({ sourceId: 'pse' })).toEqual({ sourceId: 'pse' });
    expect(() => PIPELINE.poll.parse({ sourceId: 'PSE feed' })).toThrow(/poll job data is invalid/);
    expect(PIPELINE.digest.parse({ edition: 'daily' })).toEqual({ edition: 'daily' });
    expect(() => PIPELINE.digest.parse({ edition: '../x' })).toThrow(/edition: must be/);
    expect(() => PIPELINE.notify.parse({ feed: 'topics/../x' })).toThrow(
      /feed: must be all or topics/,
    );
  });

  it('validates job data at each boundary, naming each bad field and the stage', () => {
    expect(PIPELINE.ingest.parse(ingest)).toEqual(ingest);
    const bad = { ...ingest, encoding: 'utf16', payload: '' };
    expect(() => PIPELINE.ingest.parse(bad)).toThrow(StoryValidationError);
    expect(() => PIPELINE.ingest.parse(bad)).toThrow(
      /^ingest job data is invalid: .*encoding.*payload: must not be empty/,
    );
    expect(() => PIPELINE.enrich.parse({ story: { ...makeStory(), headline: ' ' } })).toThrow(
      /^enrich job data is invalid: story\.headline: must not be empty/,
    );
  });

  it('gives a story the same job id for the same content, and a new one for each distinct run', () => {
    const story = makeStory('ids');
    const enrich = PIPELINE.enrich.jobId({ story });
    expect(enrich).toBe(PIPELINE.enrich.jobId({ story: { ...story } }));
    expect(enrich).not.toBe(PIPELINE.enrich.jobId({ story: { ...story, contentHash: 'other' } }));
    expect(enrich).not.toBe(PIPELINE.enrich.jobId({ story, retag: 'tax2' }));
    const subject = { slug: 'housing', name: 'Housing', codes: [], confidence: 1, matched: [] };
    const published = PIPELINE.publish.jobId({ story });
    expect(published).not.toBe(
      PIPELINE.publish.jobId({ story: { ...story, subjects: [subject] } }),
    );
    for (const id of [enrich, published]) expect(id).not.toMatch(/:/);
    expect(PIPELINE.ingest.jobId()).toBeUndefined();
  });
});
