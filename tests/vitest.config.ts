import { defineConfig } from 'vitest/config';

// End-to-end tests start real processes against the real Redis: give them room, run files one
// at a time so two suites never fight over the same CPU budget.
export default defineConfig({
  test: {
    include: ['**/*.e2e.ts', '**/*.int.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
