import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What only src/io/ may reach: processes, HTTP and GitHub. Everything else gets them through ports. */
const IO_ONLY = {
  paths: [
    { name: 'node:child_process', message: 'Processes are started in src/io/ only (io/process.ts).' },
    { name: 'child_process', message: 'Processes are started in src/io/ only (io/process.ts).' },
    { name: '@actions/github', message: 'GitHub is reached through the port in src/io/github/.' },
  ],
  patterns: [{ group: ['@octokit/*'], message: 'GitHub is reached through the port in src/io/github/.' }],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'loop-state/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      // erasableSyntaxOnly (tsconfig.json) leaves no enum to assign to; the rule cost ~4 s a lint.
      '@typescript-eslint/no-unsafe-enum-assignment': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    // Import cycles are test/unit/imports.test.ts's to refuse: it reads every import, type-only and
    // dynamic ones too, in a fraction of what import-x/no-cycle added to each lint (a fifth).
    rules: {
      'no-restricted-imports': ['error', IO_ONLY],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'HTTP goes through src/io/http.ts.' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='localeCompare']",
          message: "The order would follow the runner's LANG, and the first call loads ICU's collator: sort with byText (text/canonical.ts).",
        },
      ],
    },
  },
  {
    files: ['src/io/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
