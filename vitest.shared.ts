/**
 * The vitest settings every project shares: node environment, and a JSON report per project
 * under `.data/test-results/`, from which `npm test` prints one summary line at the end.
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

type TestOptions = NonNullable<
  Parameters<typeof defineConfig>[0] extends infer C
    ? C extends { test?: infer T }
      ? T
      : never
    : never
>;

/** The config of the project in `dir` (pass `import.meta.dirname`). */
export function projectTestConfig(dir: string, test: TestOptions) {
  const project = relative(ROOT, dir);
  return defineConfig({
    test: {
      environment: 'node',
      ...test,
      reporters: ['default', 'json'],
      outputFile: { json: join(ROOT, '.data', 'test-results', project, 'report.json') },
    },
  });
}
