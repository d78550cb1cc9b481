import { parseArgs } from 'node:util';
import type { CliIo } from '../cli-io.js';
import { withQueues } from './operator-queues.js';

/**
 * `bulletin pause|resume|drain QUEUE [--json]`. Drain removes every waiting and delayed job,
 * so it asks first (`--yes` skips the question; with no one to ask it refuses).
 */
export async function runQueueControl(
  action: 'pause' | 'resume' | 'drain',
  args: readonly string[],
  io: CliIo,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' } },
  });
  const [name] = positionals;
  if (name === undefined) {
    io.stderr(`bulletin: ${action} needs a queue name`);
    return 2;
  }
  return withQueues(io, async (queues) => {
    const [queue] = queues.pick(name);
    if (queue === undefined) return 2;
    if (action === 'drain' && !values.yes) {
      const counts = await queue.getJobCounts('waiting', 'paused', 'delayed');
      const question = `drain ${name}: remove ${(counts['waiting'] ?? 0) + (counts['paused'] ?? 0)} waiting and ${counts['delayed'] ?? 0} delayed jobs?`;
      if (!(await io.confirm?.(question))) {
        io.stderr(`bulletin: not drained (pass --yes to drain without asking)`);
        return 1;
      }
    }
    if (action === 'pause') await queue.pause();
    if (action === 'resume') await queue.resume();
    if (action === 'drain') await queue.drain(true);
    const paused = await queue.isPaused();
    if (values.json) io.stdout(JSON.stringify({ queue: name, action, paused }));
    else io.stdout(`${name}: ${action === 'drain' ? 'drained' : paused ? 'paused' : 'running'}`);
    return 0;
  });
}
