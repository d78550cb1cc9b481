/**
 * @module @bulletin/cli
 * The `bulletin` command: `start` runs every role or some in one process; `ingest` enqueues
 * wire files.
 */
export { runCli, USAGE } from './run-cli.js';
export type { CliIo } from './cli-io.js';
export { ingestFiles, type IngestFilesDeps } from './commands/ingest-files.js';
export { readPayload, FileRefusedError } from './commands/read-payload.js';
