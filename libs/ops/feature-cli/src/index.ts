/**
 * @module @bulletin/cli
 * The `bulletin` command: `start` runs every role in one process; `ingest` enqueues files.
 */
export { runCli, USAGE, type CliIo } from './run-cli.js';
export { ingestFiles, type IngestFilesDeps } from './commands/ingest-files.js';
export { readPayload, FileRefusedError } from './commands/read-payload.js';
export { startAll, type StartOptions } from './commands/start.js';
