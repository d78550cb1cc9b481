/** CPU seconds used by this process and by the Redis server, to see which side is saturated. */
import { Redis } from 'ioredis';

export interface CpuSample {
  node: number;
  redis: number;
}

async function redisCpuSeconds(url: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  try {
    const info = await redis.info('cpu');
    const field = (name: string) =>
      Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
    return field('used_cpu_user') + field('used_cpu_sys');
  } finally {
    redis.disconnect();
  }
}

export async function sampleCpu(url: string): Promise<CpuSample> {
  const usage = process.cpuUsage();
  return { node: (usage.user + usage.system) / 1e6, redis: await redisCpuSeconds(url) };
}

/** Cores busy on each side between two samples taken `seconds` apart. */
export function coresBusy(before: CpuSample, after: CpuSample, seconds: number): CpuSample {
  return {
    node: Number(((after.node - before.node) / seconds).toFixed(2)),
    redis: Number(((after.redis - before.redis) / seconds).toFixed(2)),
  };
}
