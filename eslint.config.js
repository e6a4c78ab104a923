import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
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
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts'],
    },
    rules: {
      // Type-only imports count too: a cycle of types is still two modules that cannot be read apart.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': ['error', IO_ONLY],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'HTTP goes through src/io/http.ts.' }],
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
