import { readFileSync } from 'node:fs';
import { ConfigError } from './config.js';

/**
 * The `readFile` an entry point passes to `loadConfig`: a missing file means no sources; any
 * other failure to read it stops the start, naming the file.
 */
export function readConfigFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new ConfigError(`${path}: cannot read it (${code ?? 'EIO'})`);
  }
}
