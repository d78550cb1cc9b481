#!/usr/bin/env node
// `npm run bundle` (run by `npm start` and the image build): each app's TypeScript as plain ES
// modules in `apps/<app>/dist/`, so a production process runs without tsx's loader thread,
// which costs every process about 35 MB of resident memory. npm packages stay external, and
// code splitting keeps each role in chunks of its own: a process loads only the roles it runs.
//
// Safe beside running processes and other runs of itself: a file whose bytes are unchanged is
// left alone, a changed one is replaced by a rename, so no process ever reads half a file.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ALL_APPS = ['cli', 'ingest', 'enrich', 'index', 'digest', 'http'];
// `node scripts/bundle.mjs ingest http` bundles those apps (each app's `build`); none named, all.
const named = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const unknown = named.filter((app) => !ALL_APPS.includes(app));
if (unknown.length > 0) {
  console.error(`bundle: no app ${unknown.join(', ')}; the apps are ${ALL_APPS.join(', ')}`);
  process.exit(2);
}
const APPS = named.length > 0 ? named : ALL_APPS;
const LUA = join(ROOT, 'libs/shared/data-access-store/src/scripts');

/** Workspace libraries are bundled; every other bare import is an npm package, left external. */
const npmPackagesExternal = {
  name: 'npm-packages-external',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      path.startsWith('@bulletin/') ? undefined : { path, external: true },
    );
  },
};

function sameBytes(path, contents) {
  try {
    return readFileSync(path).equals(contents);
  } catch {
    return false;
  }
}

/** Writes `files` (path → bytes) into `outdir`, then removes what the build no longer makes. */
function sync(outdir, files) {
  for (const [path, contents] of files) {
    if (sameBytes(path, contents)) continue;
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  }
  for (const entry of readdirSync(outdir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !files.has(path) && !entry.name.endsWith('.tmp')) rmSync(path);
  }
}

for (const app of APPS) {
  const outdir = join(ROOT, 'apps', app, 'dist');
  const { outputFiles } = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      main: `apps/${app}/src/main.ts`,
      // The wire parser's thread, found beside the chunk that starts it.
      'parse-thread': 'libs/ingest/feature-ingest/src/parse-thread.ts',
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [npmPackagesExternal],
    logLevel: 'warning',
    write: false,
  });
  const files = new Map(outputFiles.map((file) => [file.path, Buffer.from(file.contents)]));
  // The store's Lua scripts are read beside the chunk that loads them.
  for (const name of readdirSync(LUA)) {
    files.set(join(outdir, 'scripts', name), readFileSync(join(LUA, name)));
  }
  mkdirSync(outdir, { recursive: true });
  sync(outdir, files);
  if (process.argv.includes('--verbose'))
    console.log(`${relative(ROOT, outdir)}: ${files.size} files`);
}
