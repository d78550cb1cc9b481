import { ConfigError } from '@bulletin/config';
import { digestRole } from '@bulletin/digest';
import { enrichRole } from '@bulletin/enrich';
import { ingestRole } from '@bulletin/ingest';
import type { RoleDefinition } from '@bulletin/platform';
import { indexRole } from '@bulletin/publish';
import { sourcesRole } from '@bulletin/sources';
import { httpRole } from './http.role.js';

/**
 * Every role bulletin has, in start order: workers first, so a process that serves HTTP is
 * working by the time it answers. `bulletin start` runs them all; `--roles` picks some.
 */
export const ROLES: readonly RoleDefinition[] = Object.freeze([
  ingestRole,
  enrichRole,
  indexRole,
  sourcesRole,
  digestRole,
  httpRole,
]);

/**
 * The roles named, in table order; every role when none is named.
 * @throws ConfigError naming an unknown role and listing the known ones.
 */
export function selectRoles(names: readonly string[]): RoleDefinition[] {
  if (names.length === 0) return [...ROLES];
  const known = new Map(ROLES.map((role) => [role.name, role]));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ConfigError(
      `unknown role${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}; ` +
        `the roles are ${ROLES.map((role) => role.name).join(', ')}`,
    );
  }
  return ROLES.filter((role) => names.includes(role.name));
}
