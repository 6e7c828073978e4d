// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: [
      '**/dist/',
      '**/node_modules/',
      'data/',
      'bench-data/',
      'coverage/',
      'screenshots/',
      'demo/cdn/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['widgets/**/*.ts', 'demo/**/*.js'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['widgets/**/*.ts', 'demo/**/*.js'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['widgets/**/*.ts', 'demo/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
