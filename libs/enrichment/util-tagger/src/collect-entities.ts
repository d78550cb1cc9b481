import type { StoryEntity } from '@bulletin/story';
import type { CompiledTaxonomy } from './compile-taxonomy.js';
import type { Gazetteer } from './gazetteer.js';
import type { PatternTallies } from './score.js';

/** Organisations and places found in one story, in order of first mention. */
export interface FoundEntities {
  organisations: StoryEntity[];
  places: StoryEntity[];
  /** Entity patterns that matched only in the wrong case (`reading`, not Reading). */
  suppressed: Set<number>;
}

const caseChecks = new Map<string, RegExp>();

/** A one-word form (`Reading`, `NICE`) must appear as written; longer forms fold case. */
function appearsAsWritten(form: string, texts: readonly string[]): boolean {
  if (/\s/.test(form)) return true;
  let re = caseChecks.get(form);
  if (re === undefined) {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
    caseChecks.set(form, re);
  }
  return texts.some((text) => re.test(text));
}

/**
 * Reads the gazetteer entities out of a story's tallies, before scoring resets them. Runs once
 * per matched pattern, not per character.
 */
export function collectEntities(
  compiled: CompiledTaxonomy,
  gazetteer: Gazetteer,
  tallies: PatternTallies,
  texts: readonly string[],
): FoundEntities {
  const { entryOffsets, entryIds, entryEntity, patternForm } = compiled;
  const found = new Map<number, Set<string>>();
  const suppressed = new Set<number>();
  for (let k = 0; k < tallies.touchedCount; k++) {
    const pattern = tallies.touched[k] ?? 0;
    const form = patternForm.get(pattern);
    if (form === undefined) continue;
    if (!appearsAsWritten(form, texts)) {
      suppressed.add(pattern);
      continue;
    }
    for (let j = entryOffsets[pattern] ?? 0; j < (entryOffsets[pattern + 1] ?? 0); j++) {
      const entity = entryEntity[entryIds[j] ?? 0] ?? -1;
      if (entity < 0) continue;
      const forms = found.get(entity) ?? new Set<string>();
      found.set(entity, forms.add(form));
      break;
    }
  }
  const organisations: StoryEntity[] = [];
  const places: StoryEntity[] = [];
  for (const [id, forms] of found) {
    const entity = gazetteer.entities[id];
    if (entity === undefined) continue;
    if (entity.type === 'place') {
      places.push({ name: entity.name });
      continue;
    }
    const mentions = [...forms].filter((form) => form !== entity.name);
    organisations.push({
      name: entity.name,
      ...(entity.kind === undefined ? {} : { kind: entity.kind }),
      ...(mentions.length > 0 ? { mentions } : {}),
    });
  }
  return { organisations, places, suppressed };
}
