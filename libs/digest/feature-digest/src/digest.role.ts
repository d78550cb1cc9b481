import type { RoleDefinition } from '@bulletin/platform';
import { digestSecret, openDigest } from './digest-deps.js';
import { runEdition } from './run-edition.js';
import { scheduleEditions, slotOf } from './schedule.js';

/**
 * The `digest` role: the editions' schedulers and the worker that runs them. Outside
 * development it refuses to start without `DIGEST_TOKEN_SECRET`.
 */
export const digestRole: RoleDefinition = {
  name: 'digest',
  summary: 'send the newsletter editions on their schedules',
  async start(platform) {
    // Before anything is opened: a misconfigured production start fails at once, by name.
    digestSecret(platform.config);
    const deps = openDigest({
      config: platform.config,
      redis: platform.redis.patient,
      log: platform.log,
      metrics: platform.metrics,
    });
    platform.shutdown.add('digest mailer', () => deps.close(), { phase: 'close' });
    await scheduleEditions(platform.queues.queue('digest'), platform.config.digest.editions);
    platform.startWorker(
      'digest',
      async (data, context) => {
        const at = data.at ? new Date(data.at) : slotOf(context.jobId, deps.now());
        const report = await runEdition(deps, { edition: data.edition, at });
        return { sent: report.sent, failed: report.failed.length, inDoubt: report.inDoubt.length };
      },
      1,
    );
    return {};
  },
};
