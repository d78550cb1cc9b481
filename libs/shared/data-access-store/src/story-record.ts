import type { Pubstatus, Story } from '@bulletin/story';
import type { StoryRecord } from './types.js';

/** Fields of the record a reader needs besides the body. */
export const READ_FIELDS = ['pub', 'pv', 'fc', 'st'] as const;

/**
 * The published story from its record fields. The body was stored as the publish stage
 * received it; the version number and first creation time are the record's, so they are
 * overlaid here. Our own writes, validated before they were stored: parsed, not re-validated.
 */
export function assemble([body, version, firstcreated]: (string | null)[]): Story | undefined {
  if (!body) return undefined;
  const story = JSON.parse(body) as Story;
  story.version = Number(version);
  if (firstcreated) story.firstcreated = firstcreated;
  return story;
}

/** Reads the operator's view of a record from HGETALL-style fields. */
export function toRecord(id: string, fields: Record<string, string>): StoryRecord | undefined {
  if (fields['v'] === undefined) return undefined;
  const number = (name: string) => Number(fields[name] ?? 0);
  const kept = Object.keys(fields)
    .filter((name) => name.startsWith('b:'))
    .map((name) => Number(name.slice(2)))
    .sort((a, b) => a - b);
  return {
    id,
    version: number('v'),
    contentHash: fields['h'] ?? '',
    pubstatus: (fields['st'] ?? 'usable') as Pubstatus,
    ...(fields['sv'] ? { sourceVersion: number('sv') } : {}),
    versioncreated: number('vc'),
    firstcreated: fields['fc'] ?? '',
    ...(number('emb') > 0 ? { embargoUntil: number('emb') } : {}),
    publishedVersion: number('pv'),
    ...(fields['seq'] ? { publicationSequence: number('seq') } : {}),
    topics: (fields['tp'] ?? '').split(' ').filter(Boolean),
    keptVersions: kept,
    staleArrivals: number('late'),
    changedAt: number('at'),
    ...(fields['dup'] ? { duplicateOf: fields['dup'] } : {}),
  };
}
