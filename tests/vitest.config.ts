import { projectTestConfig } from '../vitest.shared.js';

// End-to-end tests start real processes against the real Redis: give them room, run files one
// at a time so two suites never fight over the same CPU budget.
export default projectTestConfig(import.meta.dirname, {
  include: ['**/*.e2e.ts', '**/*.int.ts'],
  testTimeout: 60_000,
  hookTimeout: 60_000,
  fileParallelism: false,
});
