/**
 * Counts every command any ioredis connection in this process sends (BullMQ's included, since
 * it uses ioredis too). Each command is one request/response with Redis; auto-pipelining may
 * share a network write between several, so this is an upper bound on round trips.
 */
import { Redis } from 'ioredis';

const counts = new Map<string, number>();
let installed = false;

export function installCommandCounter(): void {
  if (installed) return;
  installed = true;
  const original = Redis.prototype.sendCommand;
  Redis.prototype.sendCommand = function counted(this: Redis, command, stream) {
    const name = (command as { name: string }).name;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    return original.call(this, command, stream);
  } as typeof original;
}

/** Commands sent since the last reset, by name, and the total. */
export function takeCommandCounts(): { total: number; byCommand: Record<string, number> } {
  const byCommand = Object.fromEntries([...counts.entries()].sort((a, b) => b[1] - a[1]));
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  counts.clear();
  return { total, byCommand };
}
