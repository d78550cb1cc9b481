import { Worker } from 'node:worker_threads';
import { BulletinError } from '@bulletin/errors';
import { parseWire, type WireInput, type WireLimits, type WireResult } from '@bulletin/wire';

export interface WireParserOptions {
  /** Payloads up to this size parse on the calling thread: cheap, no copying. */
  inlineMaxBytes: number;
  /** Wall time one offloaded payload may take; past it the thread is stopped. */
  maxParseMs: number;
  /** Heap of the parsing thread, MB: a payload that needs more is refused, not the process. */
  maxHeapMb?: number;
  /** Size and item caps, from `config.ingest.maxBytes` / `maxItems`: over them is refused. */
  limits?: WireLimits;
}

/** Parses wire payloads, the big ones on a worker thread with a time and memory bound. */
export interface WireParser {
  parse(input: WireInput): Promise<WireResult>;
  close(): Promise<void>;
}

interface Task {
  input: WireInput;
  resolve: (result: WireResult) => void;
  reject: (error: Error) => void;
}

type Reply =
  | { ready: true }
  | { result: WireResult }
  | { error: { code: string; message: string; permanent: boolean } };

const tooCostly = (message: string) =>
  new BulletinError('WIRE_TOO_COSTLY', message, { permanent: true });

/**
 * A parser that keeps the event loop free: payloads over `inlineMaxBytes` go, one at a time,
 * to a worker thread. A payload that outlives `maxParseMs` or the thread's heap is refused
 * permanently (`WIRE_TOO_COSTLY`) and the thread is replaced; the payloads queued behind it
 * are parsed by the new one.
 */
export function createWireParser(options: WireParserOptions): WireParser {
  const heapMb = options.maxHeapMb ?? 512;
  const limits = options.limits ?? {};
  const queue: Task[] = [];
  let thread: Worker | undefined;
  let ready = false;
  let current: { task: Task; timer: NodeJS.Timeout } | undefined;

  const settle = (outcome: { result: WireResult } | { error: Error }) => {
    if (!current) return;
    clearTimeout(current.timer);
    const { task } = current;
    current = undefined;
    if ('result' in outcome) task.resolve(outcome.result);
    else task.reject(outcome.error);
    pump();
  };
  const replace = (error: Error) => {
    void thread?.terminate();
    thread = undefined;
    ready = false;
    settle({ error });
  };
  const onReply = (reply: Reply) => {
    if ('ready' in reply) {
      ready = true;
      pump();
    } else if ('result' in reply) settle({ result: reply.result });
    else settle({ error: new BulletinError(reply.error.code, reply.error.message, reply.error) });
  };
  const start = () => {
    const worker = new Worker(new URL('./parse-thread.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    worker.unref();
    worker.on('message', onReply);
    worker.on('error', (error: NodeJS.ErrnoException) =>
      replace(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? tooCostly(`parsing needed more than ${heapMb} MB`)
          : new BulletinError('WIRE_PARSER_CRASHED', error.message || error.name),
      ),
    );
    return worker;
  };
  function pump(): void {
    if (current || queue.length === 0) return;
    thread ??= start();
    if (!ready) return;
    const task = queue.shift() as Task;
    const timer = setTimeout(
      () => replace(tooCostly(`parsing took longer than ${options.maxParseMs} ms`)),
      options.maxParseMs,
    );
    current = { task, timer };
    thread.postMessage({ input: task.input, limits });
  }
  return {
    parse(input) {
      // Over the size cap is refused at once, without a trip to the thread.
      const capped = limits.maxBytes !== undefined && input.bytes.length > limits.maxBytes;
      if (capped || input.bytes.length <= options.inlineMaxBytes) return parseWire(input, limits);
      return new Promise<WireResult>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        pump();
      });
    },
    async close() {
      const closed = new BulletinError('WIRE_PARSER_CLOSED', 'the parser was closed');
      for (const task of queue.splice(0)) task.reject(closed);
      if (current) settle({ error: closed });
      await thread?.terminate();
      thread = undefined;
    },
  };
}
