// One flat config for the whole workspace. Module boundaries are enforced on two axes:
// scope (which domain may use which) and type (apps > feature > data-access > util).
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/vitest*.config.ts',
      'vitest.shared.ts',
      'bench/results',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A forgotten `await queue.add()` loses stories.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:util'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:ingest',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:ingest'],
            },
            {
              sourceTag: 'scope:enrichment',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:enrichment'],
            },
            {
              sourceTag: 'scope:publishing',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:publishing'],
            },
            {
              sourceTag: 'scope:digest',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:digest'],
            },
            {
              sourceTag: 'scope:ops',
              onlyDependOnLibsWithTags: [
                'scope:digest',
                'scope:shared',
                'scope:ingest',
                'scope:enrichment',
                'scope:publishing',
                'scope:ops',
              ],
            },
          ],
        },
      ],
    },
  },
];
