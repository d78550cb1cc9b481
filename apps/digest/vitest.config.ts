import { projectTestConfig } from '../../vitest.shared.js';

// Apps are composition roots with no logic of their own: their behaviour is covered by the
// libs' specs and by the end-to-end tests in tests/.
export default projectTestConfig(import.meta.dirname, {
  include: ['src/**/*.spec.ts'],
  passWithNoTests: true,
});
