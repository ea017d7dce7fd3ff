import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', Buffer: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Configuration is parsed once at start (docs/development.md, "Configuration"): only config
    // modules and process entry points read the environment; everything else gets a typed object.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [
      '**/config.ts', '**/main.ts', '**/*-main.ts',
      // Command-line tools: each is its own short-lived process.
      'packages/stack/src/start.ts', 'packages/stack/src/seed.ts', 'packages/auth/src/token-cli.ts', 'packages/bench/src/**',
      // A test tool: which Chromium the browser tests launch (CHROMIUM_PATH).
      'packages/browser/src/index.ts',
      // Tests read the environment they run in (DATABASE_URL); changing it is refused below.
      '**/*.test.ts', '**/test/**',
    ],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from the parsed config object (ctx.config, a config module), not process.env.' }],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "AssignmentExpression > MemberExpression.left[object.object.name='process'][object.property.name='env']", message: 'Pass settings to startTestStack({ env }) or change the running service\'s config; never process.env.' },
        { selector: "AssignmentExpression > MemberExpression.left[object.name='process'][property.name='env']", message: 'Pass settings to startTestStack({ env }); never replace process.env.' },
        { selector: "UnaryExpression[operator='delete'] > MemberExpression[object.object.name='process'][object.property.name='env']", message: 'Pass settings to startTestStack({ env }); never change process.env.' },
        { selector: "CallExpression[callee.object.name='Object'][callee.property.name='assign'] > MemberExpression.arguments:first-child[object.name='process'][property.name='env']", message: 'Pass settings to startTestStack({ env }); never change process.env.' },
      ],
    },
  },
  {
    // CommonJS scripts that node and jest load as they are (jest's transform, environment and
    // set-up; the dashboard's code generator): `require` is how they import.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/test/**'],
    // GraphQL answers in tests are loosely typed JSON.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
