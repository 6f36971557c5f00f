import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The arrows between layers (README → Development → Layout). typescript-eslint's no-restricted-imports is
// ESLint's core rule plus `allowTypeImports`: a type-only import of the emulator erases at compile time.
// import-x/no-restricted-paths has no such option (https://github.com/import-js/eslint-plugin-import/issues/1899).
// A later block replaces the rule of an earlier one for the files both match, so each block lists all of
// its folder's restrictions.
const BOT_SDK = {
  group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
  message: 'botbuilder is for src/bot/, src/server.ts and src/index.ts only: take plain types here (e.g. identity/sender.ts, cards/attachment.ts).',
};
const EMULATOR = {
  group: ['**/emulator', '**/emulator/**'],
  allowTypeImports: true,
  message: 'Production code loads the emulator lazily through src/optional-modules.ts; only `import type` is allowed here.',
};
const BOT = {
  group: ['**/bot', '**/bot/**'],
  message: 'The use case, Graph and auth never depend on bot code: pass what they need as plain values or ports.',
};
const restrict = (files, ...patterns) => ({ files, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  restrict(['src/**/*.ts'], BOT_SDK, EMULATOR),
  restrict(['src/meetings/**/*.ts', 'src/graph/**/*.ts', 'src/auth/**/*.ts'], BOT, BOT_SDK, EMULATOR),
  restrict(['src/bot/**/*.ts', 'src/server.ts', 'src/index.ts'], EMULATOR),
  restrict(['src/emulator/**/*.ts', 'src/tools/**/*.ts'], BOT_SDK),
  // A source file a newcomer can read in one sitting: split it by concern before it grows past this.
  { files: ['src/**/*.ts'], rules: { 'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }] } },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', process: 'readonly', console: 'readonly' } },
  },
);
