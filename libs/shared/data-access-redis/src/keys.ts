/**
 * Redis key names. Every key bulletin writes starts with the configured prefix, so instances and
 * test runs can share one Redis; each scope owns a group of keys and builds them here, in one
 * hash slot per group (the `{…}` hash tag), so that a group's multi-key scripts run unchanged on
 * Redis Cluster while different groups (and queues) spread over its nodes.
 */
export interface KeyGroup {
  /** The group's hash tag, braces included: `{bulletin.store}`. */
  readonly tag: string;
  /** `{prefix}:{tag}:{parts…}`, e.g. `bulletin:{bulletin.store}:story:3f…`. */
  key(...parts: readonly (string | number)[]): string;
}

/** Letters, digits and `_ . -`: what a scope or queue name may hold. */
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

function checkName(what: string, value: string): void {
  if (!NAME.test(value))
    throw new RangeError(`${what} "${value}" may hold only letters, digits, _ . -`);
}

/** The keys of one scope under one prefix. */
export function keyGroup(prefix: string, scope: string): KeyGroup {
  checkName('prefix', prefix);
  checkName('scope', scope);
  const tag = `{${prefix}.${scope}}`;
  const base = `${prefix}:${tag}`;
  return Object.freeze({
    tag,
    key: (...parts: readonly (string | number)[]) =>
      parts.length === 0 ? base : `${base}:${parts.join(':')}`,
  });
}

/**
 * BullMQ's prefix for one queue: its keys are `{prefix}:{tag}:{queue}:…`, so every key of a
 * queue shares a slot (which BullMQ's scripts need on a cluster) and each queue has its own.
 */
export function queuePrefix(prefix: string, queue: string): string {
  checkName('queue', queue);
  return keyGroup(prefix, queue).key();
}
