/**
 * The worker thread's side of `createWireParser`: parses one payload per message off the main
 * thread, so a huge or hostile payload never holds the loop that renews job locks, answers
 * health checks and handles signals.
 */
import { parentPort } from 'node:worker_threads';
import { describeError, isPermanentError } from '@bulletin/errors';
import { parseWire, type WireInput, type WireLimits } from '@bulletin/wire';

parentPort?.on('message', ({ input, limits }: { input: WireInput; limits: WireLimits }) => {
  parseWire(input, limits).then(
    (result) => parentPort?.postMessage({ result }),
    (error: unknown) =>
      parentPort?.postMessage({
        error: {
          code: (error as { code?: string }).code ?? 'WIRE_PARSE_FAILED',
          message: describeError(error).replace(/^[A-Z_]+: /, ''),
          permanent: isPermanentError(error),
        },
      }),
  );
});
parentPort?.postMessage({ ready: true });
