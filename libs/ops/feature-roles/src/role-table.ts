import { ConfigError } from '@bulletin/config';
import type { RoleDefinition } from '@bulletin/platform';

/**
 * A row known by its name and summary before its code is loaded: a process imports only the
 * roles it runs (an `ingest` process never loads Fastify's feed plugins or the mailer).
 */
function lazy(name: string, summary: string, load: () => Promise<RoleDefinition>): RoleDefinition {
  return { name, summary, start: async (platform) => (await load()).start(platform) };
}

/**
 * Every role bulletin has, in start order: workers first, so a process that serves HTTP is
 * working by the time it answers. `bulletin start` runs them all; `--roles` picks some.
 */
export const ROLES: readonly RoleDefinition[] = Object.freeze([
  lazy('ingest', 'parse wire payloads into stories and hand them to enrichment', async () => {
    return (await import('@bulletin/ingest')).ingestRole;
  }),
  lazy('enrich', 'tag stories by topic, with the evidence for each tag', async () => {
    return (await import('@bulletin/enrich')).enrichRole;
  }),
  lazy(
    'index',
    'publish tagged stories: versions, embargoes, kills, feed indexes, WebSub pings',
    async () => (await import('@bulletin/publish')).indexRole,
  ),
  lazy('sources', 'poll feed sources on their schedules and watch folder sources', async () => {
    return (await import('@bulletin/sources')).sourcesRole;
  }),
  lazy('digest', 'send the newsletter editions on their schedules', async () => {
    return (await import('@bulletin/digest')).digestRole;
  }),
  lazy('http', 'serve feeds and story pages to readers', async () => {
    return (await import('./http.role.js')).httpRole;
  }),
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
