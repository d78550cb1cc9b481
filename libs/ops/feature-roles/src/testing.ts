/**
 * Role processes as the image runs them, for tests and benchmarks that start real processes:
 * the app's bundle (`scripts/bundle.mjs`, built once per process that asks) under the heap
 * bounds the image gives every role. One door, so a test, a fault and a benchmark cannot run
 * something other than what docker-compose deploys.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type AppName = 'cli' | 'ingest' | 'enrich' | 'index' | 'digest' | 'http';

export const REPO_ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * The `ENV NODE_OPTIONS="…"` of a Dockerfile. Throws where the line is not there to read: a
 * process started without the image's heap bounds would measure something the image is not.
 */
export function imageNodeOptions(
  dockerfile = readFileSync(`${REPO_ROOT}Dockerfile`, 'utf8'),
): string {
  const options = /^ENV NODE_OPTIONS="([^"]+)"\s*$/m.exec(dockerfile)?.[1];
  if (options === undefined) {
    throw new Error('Dockerfile: no ENV NODE_OPTIONS="…" line to read the role heap bounds from');
  }
  return options;
}

export interface ImageProcess {
  /** Arguments after `node`, relative to the repository root. */
  args: string[];
  env: { NODE_OPTIONS: string };
}

let bundled = false;

/** How the image runs `app`: its bundle (built here first, a second or so), its heap bounds. */
export function imageProcess(app: AppName): ImageProcess {
  if (!bundled) {
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
    bundled = true;
  }
  return { args: [`apps/${app}/dist/main.mjs`], env: { NODE_OPTIONS: imageNodeOptions() } };
}
