import type { RoleDefinition } from '@bulletin/platform';
import { processIngest } from './ingest.processor.js';
import { createWireParser } from './wire-parser.js';

/** Payloads up to this size parse on the worker's own thread (the example page is 6 kB). */
const INLINE_MAX_BYTES = 256 * 1024;

/** The `ingest` role: raw wire payloads in, parsed stories out to enrichment. */
export const ingestRole: RoleDefinition = {
  name: 'ingest',
  summary: 'parse wire payloads into stories and hand them to enrichment',
  start(platform) {
    const { config } = platform;
    const parser = createWireParser({
      inlineMaxBytes: INLINE_MAX_BYTES,
      maxParseMs: config.ingest.maxParseMs,
      limits: { maxBytes: config.ingest.maxBytes, maxItems: config.ingest.maxItems },
    });
    platform.shutdown.add('wire parser thread', () => parser.close(), { phase: 'close' });
    platform.startWorker(
      'ingest',
      (data, context) => processIngest(data, context, parser),
      config.workers.ingestConcurrency,
    );
    return {};
  },
};
