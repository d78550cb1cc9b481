import { defineConfig } from 'vitest/config';

// Apps are composition roots with no logic of their own: their behaviour is covered by the
// libs' specs and by the end-to-end tests in tests/.
export default defineConfig({
  test: { include: ['src/**/*.spec.ts'], environment: 'node', passWithNoTests: true },
});
