import { digest, type Story, type Subject } from '@bulletin/story';
import { makeStory } from '@bulletin/story/testing';
import { describe, expect, it } from 'vitest';
import type { ChangeFeed } from '../change-feed.js';
import type { FeedIndex, StoryStore } from '../types.js';

/** A store under test, fresh for each test. */
export interface StoreUnderTest {
  store: StoryStore;
  index: FeedIndex;
  changes: ChangeFeed;
}

const subject = (slug: string): Subject => ({
  slug,
  name: slug,
  codes: [],
  confidence: 0.9,
  matched: [slug],
});

let counter = 0;

/** A distinct story per call, tagged with `topics`. */
function tagged(topics: string[], overrides: Partial<Story> = {}): Story {
  counter += 1;
  return makeStory(`contract-${counter}-${Math.random().toString(36).slice(2)}`, {
    subjects: topics.map(subject),
    ...overrides,
  });
}

/** The next version of a story: changed body, later versioncreated. */
function revised(story: Story, body: string, overrides: Partial<Story> = {}): Story {
  return {
    ...story,
    bodyText: body,
    bodyHtml: `<p>${body}</p>`,
    contentHash: digest(story.headline, body),
    versioncreated: new Date(Date.parse(story.versioncreated) + 60_000).toISOString(),
    ...overrides,
  };
}

const NOW = Date.parse('2014-11-18T12:00:00.000Z');
const COPIES = { windowMs: 3_600_000, maxBits: 6 };

/** A 16-hex SimHash `bits` bits away from `base`. */
function flip(base: string, bits: number): string {
  let value = BigInt(`0x${base}`);
  for (let bit = 0; bit < bits; bit += 1) value ^= 1n << BigInt(bit * 5);
  return value.toString(16).padStart(16, '0');
}

/** A story from `source` with the given fingerprints. */
function fingerprinted(source: string, textHash: string, simhash: string): Story {
  return tagged(['a'], { source: { id: source, name: source }, textHash, simhash });
}

const TEXT = (c: string) => c.repeat(64);

/**
 * The contract every {@link StoryStore} + {@link FeedIndex} pair keeps: the story lifecycle
 * (ordering, duplicates, embargo, withholding, kills, re-tags) and what readers see of it.
 * Run it against each implementation: `describeStoreContract('redis', () => …)`.
 */
export function describeStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name}: story store contract`, () => {
    it('publishes a first version into all and its topic feeds, once', async () => {
      const { store, index } = await open();
      const story = tagged(['a', 'b']);
      const first = await store.publish(story, { now: NOW });
      expect(first).toMatchObject({ outcome: 'published', version: 1 });
      expect(first.changedFeeds.sort()).toEqual(['all', 'topics/a', 'topics/b']);
      expect(await store.publish(story, { now: NOW })).toEqual({
        outcome: 'duplicate',
        version: 1,
        changedFeeds: [],
      });
      expect(await index.latest('all', 10)).toEqual([story.id]);
      expect(await index.latest('topics/b', 10)).toEqual([story.id]);
      expect(await index.generation('topics/a')).toBe(1);
      const found = await store.get(story.id);
      expect(found).toEqual({ state: 'published', story: { ...story, version: 1 } });
    });

    it('replaces a published version with a newer one, keeping its id, seq and firstcreated', async () => {
      const { store, index } = await open();
      const v1 = tagged(['a']);
      await store.publish(v1, { now: NOW });
      const [before] = await index.bySequence('all', { limit: 1 });
      const v2 = revised(v1, 'Corrected body.', { firstcreated: '2014-11-19T00:00:00.000Z' });
      expect(await store.publish(v2, { now: NOW })).toMatchObject({
        outcome: 'updated',
        version: 2,
      });
      const shown = await store.get(v1.id);
      expect(shown.state === 'published' && shown.story).toMatchObject({
        version: 2,
        bodyText: 'Corrected body.',
        firstcreated: v1.firstcreated,
      });
      expect(await index.count('all')).toBe(1);
      expect(await index.bySequence('all', { limit: 1 })).toEqual([before]);
      expect((await store.version(v1.id, 1))?.bodyText).toBe(v1.bodyText);
      expect((await store.record(v1.id))?.keptVersions).toEqual([1]);
    });

    it('ignores an older version arriving late, and content it has seen before', async () => {
      const { store } = await open();
      const v1 = tagged(['a']);
      const v2 = revised(v1, 'Second.');
      await store.publish(v2, { now: NOW });
      expect((await store.publish(v1, { now: NOW })).outcome).toBe('stale');
      expect((await store.record(v1.id))?.staleArrivals).toBe(1);
      const v3 = revised(v2, 'Third.');
      await store.publish(v3, { now: NOW });
      expect((await store.publish(v2, { now: NOW })).outcome).toBe('duplicate');
      const shown = await store.get(v1.id);
      expect(shown.state === 'published' && shown.story.bodyText).toBe('Third.');
    });

    it("orders by the source's own version where both have one", async () => {
      const { store } = await open();
      const v5 = tagged([], { sourceVersion: 5 });
      await store.publish(v5, { now: NOW });
      // Later versioncreated, but the source says it is version 4: older.
      const v4 = revised(v5, 'Version four.', { sourceVersion: 4 });
      expect((await store.publish(v4, { now: NOW })).outcome).toBe('stale');
      const v6 = revised(v5, 'Version six.', {
        sourceVersion: 6,
        versioncreated: '2000-01-01T00:00:00.000Z',
      });
      expect((await store.publish(v6, { now: NOW })).outcome).toBe('updated');
    });

    it('moves a story between topic feeds when its tags change', async () => {
      const { store, index } = await open();
      const v1 = tagged(['a', 'b']);
      await store.publish(v1, { now: NOW });
      const genB = await index.generation('topics/b');
      const v2 = revised(v1, 'Now only a.', { subjects: [subject('a'), subject('c')] });
      const result = await store.publish(v2, { now: NOW });
      expect(result.changedFeeds.sort()).toEqual(['all', 'topics/a', 'topics/b', 'topics/c']);
      expect(await index.latest('topics/b', 10)).toEqual([]);
      expect(await index.latest('topics/c', 10)).toEqual([v1.id]);
      expect(await index.generation('topics/b')).toBe(genB + 1);
    });

    it('re-tags the same content only when asked to, and only when the tags changed', async () => {
      const { store, index } = await open();
      const story = tagged(['a']);
      await store.publish(story, { now: NOW });
      const retagged = { ...story, subjects: [subject('b')] };
      expect((await store.publish(retagged, { now: NOW })).outcome).toBe('duplicate');
      expect(await store.publish(retagged, { now: NOW, retag: true })).toMatchObject({
        outcome: 'updated',
        version: 1,
      });
      expect(await index.latest('topics/a', 10)).toEqual([]);
      expect(await index.latest('topics/b', 10)).toEqual([story.id]);
      expect((await store.publish(retagged, { now: NOW, retag: true })).outcome).toBe('duplicate');
    });

    it('holds an embargoed version out of sight until its time, then publishes it', async () => {
      const { store, index } = await open();
      const embargoed = '2014-11-18T13:00:00.000Z';
      const story = tagged(['a'], { embargoed });
      expect(await store.publish(story, { now: NOW })).toEqual({
        outcome: 'held',
        version: 1,
        embargoUntil: Date.parse(embargoed),
        changedFeeds: [],
      });
      expect(await store.get(story.id)).toEqual({ state: 'absent' });
      expect(await index.latest('all', 10)).toEqual([]);
      expect((await store.publish(story, { now: NOW + 1000 })).outcome).toBe('held');
      expect((await store.publish(story, { now: Date.parse(embargoed) })).outcome).toBe(
        'published',
      );
      expect(await index.latest('topics/a', 10)).toEqual([story.id]);
    });

    it('keeps a newer embargoed version out of sight while the older one stays published', async () => {
      const { store } = await open();
      const v1 = tagged(['a']);
      await store.publish(v1, { now: NOW });
      const v2 = revised(v1, 'Embargoed correction.', { embargoed: '2014-11-18T13:00:00.000Z' });
      expect((await store.publish(v2, { now: NOW })).outcome).toBe('held');
      const shown = await store.get(v1.id);
      expect(shown.state === 'published' && shown.story).toMatchObject({ version: 1 });
      expect((await store.record(v1.id))?.keptVersions).toEqual([2]);
    });

    it('takes a withheld story down, and brings a later usable version back', async () => {
      const { store, index } = await open();
      const v1 = tagged(['a']);
      await store.publish(v1, { now: NOW });
      const v2 = revised(v1, 'Withheld.', { pubstatus: 'withheld' });
      const withheld = await store.publish(v2, { now: NOW });
      expect(withheld.outcome).toBe('withheld');
      expect(withheld.changedFeeds.sort()).toEqual(['all', 'topics/a']);
      expect(await store.get(v1.id)).toEqual({ state: 'absent' });
      expect(await index.latest('topics/a', 10)).toEqual([]);
      const v3 = revised(v2, 'Cleared.', { pubstatus: 'usable' });
      expect((await store.publish(v3, { now: NOW })).outcome).toBe('updated');
      expect(await index.latest('topics/a', 10)).toEqual([v1.id]);
    });

    it('turns a killed story into a tombstone that no re-delivery brings back', async () => {
      const { store, index } = await open();
      const v1 = tagged(['a']);
      await store.publish(v1, { now: NOW });
      // A kill wins whatever its version or date.
      const kill = revised(v1, 'Kill.', {
        pubstatus: 'canceled',
        versioncreated: '2000-01-01T00:00:00.000Z',
      });
      const killed = await store.publish(kill, { now: NOW });
      expect(killed.outcome).toBe('killed');
      expect(killed.changedFeeds.sort()).toEqual(['all', 'topics/a']);
      expect(await store.get(v1.id)).toEqual({ state: 'killed' });
      expect(await store.getMany([v1.id])).toEqual([]);
      expect(await index.latest('all', 10)).toEqual([]);
      expect((await store.publish(v1, { now: NOW })).outcome).toBe('killed');
      expect((await store.publish(revised(v1, 'New.'), { now: NOW })).outcome).toBe('killed');
      expect(await store.version(v1.id, 1)).toBeUndefined();
    });

    it('keeps a kill of a story it never saw, so the story can never appear', async () => {
      const { store, index } = await open();
      const story = tagged(['a']);
      expect((await store.publish({ ...story, pubstatus: 'canceled' }, { now: NOW })).outcome).toBe(
        'killed',
      );
      expect((await store.publish(story, { now: NOW })).outcome).toBe('killed');
      expect(await index.latest('all', 10)).toEqual([]);
    });

    it('keeps a bounded number of earlier versions', async () => {
      const { store } = await open();
      let story = tagged([]);
      await store.publish(story, { now: NOW });
      for (let n = 2; n <= 9; n += 1) {
        story = revised(story, `Version ${n}.`);
        await store.publish(story, { now: NOW });
      }
      expect((await store.record(story.id))?.keptVersions).toEqual([5, 6, 7, 8]);
      expect(await store.version(story.id, 4)).toBeUndefined();
      expect((await store.version(story.id, 9))?.bodyText).toBe('Version 9.');
    });

    it('pages a feed newest first without dropping or repeating stories of the same date', async () => {
      const { store, index } = await open();
      const same = '2014-11-18T09:00:00.000Z';
      const stories = [
        tagged(['p'], { firstcreated: '2014-11-18T08:00:00.000Z' }),
        tagged(['p'], { firstcreated: same }),
        tagged(['p'], { firstcreated: same }),
        tagged(['p'], { firstcreated: same }),
        tagged(['p'], { firstcreated: '2014-11-18T10:00:00.000Z' }),
      ];
      for (const story of stories) await store.publish(story, { now: NOW });
      const seen: string[] = [];
      let after: { id: string; date: number } | undefined;
      for (let page = 0; page < 5; page += 1) {
        const entries = await index.page('topics/p', { limit: 2, ...(after ? { after } : {}) });
        seen.push(...entries.map((entry) => entry.id));
        after = entries.at(-1);
        if (entries.length < 2) break;
      }
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
      expect(seen[0]).toBe(stories[4]?.id);
      expect(seen[4]).toBe(stories[0]?.id);
      const since = await index.page('topics/p', { since: Date.parse(same), limit: 10 });
      expect(since.map((entry) => entry.id)).not.toContain(stories[0]?.id);
      expect(await index.sequenceRange('topics/p', 0, 1)).toEqual([stories[0]?.id, stories[1]?.id]);
    });

    it('announces the feeds each change touched, and nothing for a duplicate', async () => {
      const { store, changes } = await open();
      const heard: string[][] = [];
      const stop = await changes.subscribe({
        changed: (feeds) => heard.push(feeds.sort()),
        missed: () => undefined,
      });
      const story = tagged(['a']);
      await store.publish(story, { now: NOW });
      await store.publish(story, { now: NOW });
      await store.publish(revised(story, 'Moved.', { subjects: [subject('b')] }), { now: NOW });
      await expect.poll(() => heard.length).toBe(2);
      expect(heard).toEqual([
        ['all', 'topics/a'],
        ['all', 'topics/a', 'topics/b'],
      ]);
      await stop();
    });

    it('orders feeds by display date and archives by publication sequence', async () => {
      const { store, index } = await open();
      const older = tagged(['a'], { firstcreated: '2014-11-17T00:00:00.000Z' });
      const newer = tagged(['a'], { firstcreated: '2014-11-18T00:00:00.000Z' });
      await store.publish(newer, { now: NOW });
      await store.publish(older, { now: NOW });
      expect(await index.latest('topics/a', 10)).toEqual([newer.id, older.id]);
      const bySeq = await index.bySequence('topics/a', { limit: 10 });
      expect(bySeq.map((entry) => entry.id)).toEqual([older.id, newer.id]);
      const [last, first] = bySeq;
      expect((last?.sequence ?? 0) > (first?.sequence ?? 0)).toBe(true);
      expect(await index.bySequence('topics/a', { before: last?.sequence, limit: 10 })).toEqual([
        first,
      ]);
      expect(await store.getMany([older.id, 'missing0000000000000', newer.id])).toHaveLength(2);
      expect(await index.generation('topics/never')).toBe(0);
      expect(await store.record('missing0000000000000')).toBeUndefined();
    });
    it('records a copy another source sent within the window, and never shows it', async () => {
      const { store, index } = await open();
      const first = fingerprinted('agency', TEXT('a'), '0123456789abcdef');
      const copy = fingerprinted('partner', TEXT('a'), 'fedcba9876543210');
      await store.publish(first, { now: NOW, duplicates: COPIES });
      expect(await store.publish(copy, { now: NOW + 1, duplicates: COPIES })).toEqual({
        outcome: 'copy',
        version: 1,
        changedFeeds: [],
        duplicateOf: first.id,
      });
      expect(await index.latest('all', 10)).toEqual([first.id]);
      expect(await store.get(copy.id)).toEqual({ state: 'copy', of: first.id });
      expect(await store.record(copy.id)).toMatchObject({
        duplicateOf: first.id,
        publishedVersion: 0,
      });
      const later = revised(copy, 'The partner rewrote its copy.');
      expect(await store.publish(later, { now: NOW + 2, duplicates: COPIES })).toMatchObject({
        outcome: 'copy',
        duplicateOf: first.id,
      });
      expect(await index.latest('all', 10)).toEqual([first.id]);
    });

    it('takes a near copy within the SimHash bits as a copy, and one bit more as a story', async () => {
      const { store, index } = await open();
      const first = fingerprinted('agency', TEXT('b'), '00ff00ff00ff00ff');
      const near = fingerprinted('partner', TEXT('c'), flip('00ff00ff00ff00ff', 6));
      const far = fingerprinted('partner', TEXT('d'), flip('00ff00ff00ff00ff', 7));
      await store.publish(first, { now: NOW, duplicates: COPIES });
      expect(await store.publish(near, { now: NOW, duplicates: COPIES })).toMatchObject({
        outcome: 'copy',
        duplicateOf: first.id,
      });
      expect(await store.publish(far, { now: NOW, duplicates: COPIES })).toMatchObject({
        outcome: 'published',
      });
      const exactOnly = { ...COPIES, maxBits: 0 };
      const other = fingerprinted('wire', TEXT('e'), '00ff00ff00ff00ff');
      expect(await store.publish(other, { now: NOW, duplicates: exactOnly })).toMatchObject({
        outcome: 'published',
      });
      expect((await index.latest('all', 10)).sort()).toEqual([first.id, far.id, other.id].sort());
    });

    it('publishes the same text from the same source, from outside the window, or when not asked', async () => {
      const { store } = await open();
      const first = fingerprinted('agency', TEXT('f'), '1111111111111111');
      await store.publish(first, { now: NOW, duplicates: COPIES });
      const again = fingerprinted('agency', TEXT('f'), '1111111111111111');
      expect((await store.publish(again, { now: NOW, duplicates: COPIES })).outcome).toBe(
        'published',
      );
      const late = fingerprinted('partner', TEXT('f'), '1111111111111111');
      const after = NOW + COPIES.windowMs + 1000;
      expect((await store.publish(late, { now: after, duplicates: COPIES })).outcome).toBe(
        'published',
      );
      const unasked = fingerprinted('partner', TEXT('f'), '1111111111111111');
      expect((await store.publish(unasked, { now: NOW })).outcome).toBe('published');
    });

    it('publishes one of two copies that arrive at once', async () => {
      const { store, index } = await open();
      const a = fingerprinted('agency', TEXT('9'), '2222222222222222');
      const b = fingerprinted('partner', TEXT('9'), '2222222222222222');
      const outcomes = await Promise.all(
        [a, b].map((story) => store.publish(story, { now: NOW, duplicates: COPIES })),
      );
      expect(outcomes.map((result) => result.outcome).sort()).toEqual(['copy', 'published']);
      expect(await index.count('all')).toBe(1);
    });
  });
}
