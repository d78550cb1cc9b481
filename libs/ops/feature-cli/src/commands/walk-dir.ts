import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The files under `dir`, sorted, skipping dot entries and a drop folder's `done`/`error`. */
export async function walkDir(dir: string): Promise<string[]> {
  const files: string[] = [];
  const visit = async (at: string, top: boolean): Promise<void> => {
    const entries = await readdir(at, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (!(top && (entry.name === 'done' || entry.name === 'error'))) await visit(path, false);
      } else if (entry.isFile()) files.push(path);
    }
  };
  await visit(dir, true);
  return files;
}
