import { projectTestConfig } from '../../../vitest.shared.js';

export default projectTestConfig(import.meta.dirname, {
  include: ['src/**/*.spec.ts'],
  testTimeout: 60_000,
  hookTimeout: 30_000,
});
