import { projectTestConfig } from '../vitest.shared.js';

// The fault suite kills processes and restarts Redis: one file at a time, each case bounded.
export default projectTestConfig(`${import.meta.dirname}/faults`, {
  include: ['faults/**/*.fault.ts'],
  testTimeout: 240_000,
  hookTimeout: 60_000,
  fileParallelism: false,
});
