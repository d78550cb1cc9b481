/**
 * What a fault case stands on: a private redis-server (so the case may kill or restart it)
 * and a probe of the pipeline under the case's prefix. Opened before the file's tests, closed
 * after them, once `stopFirst` has stopped whatever the case started. Nothing is opened where
 * redis-server is not installed; the case skips itself then.
 */
import { redisServerInstalled } from '@bulletin/redis/testing';
import { afterAll, beforeAll } from 'vitest';
import { probePipeline, type PipelineProbe } from './pipeline-state.js';
import { startTestRedis, type TestRedis } from './redis-server.js';

export interface FaultStage {
  readonly redis: TestRedis;
  readonly probe: PipelineProbe;
}

export const redisServerPresent = redisServerInstalled();

export function faultStage(prefix: string, stopFirst?: () => Promise<void> | void): FaultStage {
  let opened: FaultStage | undefined;
  beforeAll(async () => {
    if (!redisServerPresent) return;
    const redis = await startTestRedis();
    opened = { redis, probe: probePipeline(redis.url, prefix) };
  });
  afterAll(async () => {
    if (!opened) return;
    await stopFirst?.();
    await opened.probe.close();
    await opened.redis.stop();
  });
  const get = (): FaultStage => {
    if (!opened) throw new Error('the fault stage opens before the first test');
    return opened;
  };
  return {
    get redis() {
      return get().redis;
    },
    get probe() {
      return get().probe;
    },
  };
}
