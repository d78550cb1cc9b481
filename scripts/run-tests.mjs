#!/usr/bin/env node
// `npm test` and `npm run test:faults`: runs the suites, then ends with one line that counts
// passed, failed and skipped tests across every project, and says what was skipped and why,
// so a skip can never hide in the middle of a long log.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, '.data', 'test-results');
const faults = process.argv.includes('--faults');

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const [command, args, cwd] = faults
  ? ['npx', ['vitest', 'run', '--config', 'vitest.faults.config.ts'], join(ROOT, 'tests')]
  : ['npx', ['nx', 'run-many', '-t', 'typecheck', 'lint', 'test', '--outputStyle=stream'], ROOT];
const child = spawn(command, args, {
  cwd,
  stdio: 'inherit',
  env: { ...process.env, BULLETIN_TEST_RESULTS: RESULTS, BULLETIN_ROOT: ROOT },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
const code = await new Promise((resolve) => child.once('exit', (status) => resolve(status ?? 1)));

/** Every file under `dir` with the given name, at any depth. */
function findAll(dir, name) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === name)
    .map((entry) => join(entry.parentPath, entry.name));
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedByFile = new Map();
for (const path of findAll(RESULTS, 'report.json')) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  for (const file of report.testResults ?? []) {
    const skipped = (file.assertionResults ?? []).filter((test) =>
      ['skipped', 'pending', 'todo', 'disabled'].includes(test.status),
    ).length;
    if (skipped === 0) continue;
    totals.skipped += skipped;
    const where = relative(ROOT, file.name);
    skippedByFile.set(where, (skippedByFile.get(where) ?? 0) + skipped);
  }
}
const reasons = [
  ...new Set(
    findAll(RESULTS, 'skips.log').flatMap((path) =>
      readFileSync(path, 'utf8').split('\n').filter(Boolean),
    ),
  ),
];

console.log('');
for (const [file, count] of skippedByFile) console.log(`  skipped ${count} in ${file}`);
for (const reason of reasons) console.log(`  why: ${reason}`);
const verdict = code === 0 && totals.failed === 0 ? 'PASSED' : 'FAILED';
console.log(
  `${faults ? 'fault suite' : 'tests'} ${verdict}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped` +
    (code !== 0 && totals.failed === 0 ? ` (a typecheck, lint or test run exited ${code})` : ''),
);
process.exit(code === 0 && totals.failed > 0 ? 1 : code);
