// ESLint for the whole code base: the recommended rules of ESLint, typescript-eslint and
// eslint-plugin-vue. The layer rules (which folder may import which) are dependency-cruiser's,
// in .dependency-cruiser.cjs; `npm run lint` runs both.
import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'public/', '.cache/', 'test-results/', 'tests/corpus/', 'tests/fixtures/reports/', 'tests/fixtures/variants/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    files: ['src/**/*.{ts,vue}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['scripts/**/*.{ts,mjs,js}', 'tests/**/*.ts', '*.config.{ts,js,cjs}', '.dependency-cruiser.cjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Tests reach into ECharts option objects (typed as a loose union upstream) and stub child
    // components with bare props; typing those would only restate the code under test.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'vue/require-prop-types': 'off',
      'vue/one-component-per-file': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      // `_name` marks a parameter kept for its position (callbacks, interface shapes).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Report text is untrusted: never rendered as HTML (the project's rule, enforced here too).
      'vue/no-v-html': 'error',
      // Decoders, file-name checks and the fuzz test look for control characters on purpose: the
      // input is untrusted bytes, and a NUL or C0 character is exactly what they must find.
      'no-control-regex': 'off',
      // Formatting is not linted: the code base has its own consistent style and no formatter run.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/attributes-order': 'off',
    },
  },
)
