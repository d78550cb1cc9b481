import { describe, expect, it } from 'vitest';
import { ROLES, selectRoles } from './index.js';

describe('the role table', () => {
  it('holds the six roles, workers before the server', () => {
    expect(ROLES.map((role) => role.name)).toEqual([
      'ingest',
      'enrich',
      'index',
      'sources',
      'digest',
      'http',
    ]);
    expect(ROLES.every((role) => role.summary.length > 0)).toBe(true);
  });

  it('selects every role for none named, else the named ones in table order', () => {
    expect(selectRoles([]).map((role) => role.name)).toEqual([
      'ingest',
      'enrich',
      'index',
      'sources',
      'digest',
      'http',
    ]);
    expect(selectRoles(['http', 'ingest']).map((role) => role.name)).toEqual(['ingest', 'http']);
  });

  it('names unknown roles and lists the known ones', () => {
    expect(() => selectRoles(['ingest', 'publisher', 'x'])).toThrow(
      'unknown roles "publisher", "x"; the roles are ingest, enrich, index, sources, digest, http',
    );
  });

  it('names and sums up each role as its own module does, which it loads only to start it', async () => {
    const { ingestRole } = await import('@bulletin/ingest');
    const { enrichRole } = await import('@bulletin/enrich');
    const { indexRole } = await import('@bulletin/publish');
    const { sourcesRole } = await import('@bulletin/sources');
    const { digestRole } = await import('@bulletin/digest');
    const { httpRole } = await import('./http.role.js');
    const own = [ingestRole, enrichRole, indexRole, sourcesRole, digestRole, httpRole];
    expect(ROLES.map(({ name, summary }) => ({ name, summary }))).toEqual(
      own.map(({ name, summary }) => ({ name, summary })),
    );
  });
});
