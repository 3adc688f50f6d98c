import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'incidents/**', 'scratch/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core is pure: no file system, processes, terminals or PDF code. I/O lives in src/adapters.
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'process', 'crypto', 'readline', 'tty'], message: 'src/core is pure: do I/O in src/adapters and pass the result in.' },
          { group: ['chalk', '@inquirer/*', 'pdfkit', 'commander', 'proper-lockfile'], message: 'src/core has no UI, PDF or CLI code.' },
          { group: ['**/adapters/**', '**/commands/**', '**/cli/**'], message: 'src/core must not depend on the outer layers.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core is pure: pass what you need in.' }, { name: 'console', message: 'src/core does not print.' }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // `import { type X }` still loads the module at run time; `import type` does not (start-up).
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  // Table-driven tests mutate loosely typed documents on purpose.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
