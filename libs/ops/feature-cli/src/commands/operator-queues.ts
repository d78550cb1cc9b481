import { loadConfig, type Config } from '@bulletin/config';
import { ALL_STAGES, PIPELINE, type StageName } from '@bulletin/contracts';
import type { Queue } from 'bullmq';
import type { CliIo } from '../cli-io.js';
import { openCliPipeline, type CliPipeline } from './cli-pipeline.js';

/** The operator commands' hold on the queues, on the one-shot command connection. */
export interface OperatorQueues {
  /** The named queue, or every queue when `name` is undefined. @throws RangeError if unknown */
  pick(name: string | undefined): Queue[];
  /** The command's one connection, stores and `guard`, for what it reads besides the queues. */
  pipeline: CliPipeline;
}

const QUEUE_NAMES = ALL_STAGES.map((stage) => PIPELINE[stage].queue);

function operatorQueues(pipeline: CliPipeline): OperatorQueues {
  return {
    pick(name) {
      if (name === undefined) return pipeline.queues.all();
      const stage = ALL_STAGES.find((s) => PIPELINE[s].queue === name) as StageName | undefined;
      if (stage === undefined) {
        throw new RangeError(`unknown queue "${name}"; the queues are ${QUEUE_NAMES.join(', ')}`);
      }
      return [pipeline.queues.queue(stage) as unknown as Queue];
    },
    pipeline,
  };
}

/** Runs `body` on the queues, closing them after; an unknown queue is a usage error (2). */
export async function withQueues(
  io: CliIo,
  body: (queues: OperatorQueues) => Promise<number>,
  config: Config = loadConfig(io.env),
): Promise<number> {
  const pipeline = await openCliPipeline(config);
  try {
    return await body(operatorQueues(pipeline));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    io.stderr(`bulletin: ${error.message}`);
    return 2;
  } finally {
    await pipeline.close();
  }
}
