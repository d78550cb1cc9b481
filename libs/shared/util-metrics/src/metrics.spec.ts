import { describe, expect, it } from 'vitest';
import { countOutcome, createMetrics, reasonLabel } from './index.js';

const value = async (text: Promise<string>, line: string) =>
  (await text).split('\n').find((l) => l.startsWith(line));

describe('bulletin metrics', () => {
  it('counts each stage outcome from its processor result', async () => {
    const metrics = createMetrics({ processMetrics: false });
    countOutcome(
      metrics,
      'ingest',
      { stories: [{}, {}], rejected: [{ reason: 'duplicate of item 0 (same guid/id)' }] },
      'wire-a',
    );
    countOutcome(metrics, 'enrich', { id: 'x', topics: [] });
    countOutcome(metrics, 'publish', { outcome: 'published' });
    countOutcome(metrics, 'publish', { outcome: 'duplicate' });
    countOutcome(metrics, 'publish', { outcome: 'killed' });
    countOutcome(metrics, 'publish', 'not an object');
    const text = metrics.registry.metrics();
    expect(await value(text, 'bulletin_stories_ingested_total')).toBe(
      'bulletin_stories_ingested_total{source="wire-a"} 2',
    );
    expect(await value(text, 'bulletin_stories_rejected_total')).toBe(
      'bulletin_stories_rejected_total{reason="duplicate of item N"} 1',
    );
    expect(await value(text, 'bulletin_stories_enriched_total')).toBe(
      'bulletin_stories_enriched_total 1',
    );
    expect(await value(text, 'bulletin_stories_published_total')).toBe(
      'bulletin_stories_published_total 1',
    );
    expect(await value(text, 'bulletin_stories_deduplicated_total')).toBe(
      'bulletin_stories_deduplicated_total 1',
    );
    expect(await value(text, 'bulletin_stories_killed_total')).toBe(
      'bulletin_stories_killed_total 1',
    );
  });

  it('counts a poll job: a failure per source, a success as the source’s last answer', async () => {
    const metrics = createMetrics({ processMetrics: false, now: () => 70_000 });
    countOutcome(metrics, 'poll', { outcome: 'failed', error: 'FETCH_STATUS: 500' }, 'a', 1000);
    countOutcome(metrics, 'poll', { outcome: 'not-modified' }, 'b', 10_000);
    countOutcome(metrics, 'poll', { outcome: 'backing-off', until: 5 }, 'c', 10_000);
    const text = metrics.registry.metrics();
    expect(await value(text, 'bulletin_source_poll_errors_total')).toBe(
      'bulletin_source_poll_errors_total{source="a"} 1',
    );
    expect(await value(text, 'bulletin_source_seconds_since_success')).toBe(
      'bulletin_source_seconds_since_success{source="b"} 60',
    );
    expect(await text).not.toContain('source="c"');
  });

  it('reports seconds since a source last answered, at scrape time', async () => {
    let now = 10_000;
    const metrics = createMetrics({ processMetrics: false, now: () => now });
    metrics.sourcePolled('agency', 4_000);
    now = 64_000;
    expect(await value(metrics.registry.metrics(), 'bulletin_source_seconds_since_success')).toBe(
      'bulletin_source_seconds_since_success{source="agency"} 60',
    );
  });

  it('keeps rejection labels bounded', () => {
    expect(reasonLabel('invalid XML: Unexpected close tag at line 40')).toBe('invalid xml');
    expect(reasonLabel('')).toBe('unknown');
    expect(reasonLabel('x'.repeat(100))).toHaveLength(40);
  });

  it('adds process metrics unless told not to', async () => {
    expect(await createMetrics().registry.metrics()).toContain('process_cpu_user_seconds_total');
  });
});
