/**
 * The layers of the code base, enforced by `npm run lint` (and so by `npm test`).
 * Each rule names the layer it protects; docs/architecture.md describes the layers.
 *
 *   src/report      pure: report model, parser (parse/), validator (validate/), layout; no I/O,
 *                   no UI, no database, no Node built-ins — runs in Node, the browser and workers
 *   src/report/read the one place that joins the parser and the validator
 *   src/db          the query engine (DuckDB-WASM, native DuckDB for Node in db/node.ts) and
 *   src/db/sql      the SQL builders: strings in, SQL out
 *   src/build       the data build's pure steps (unit matching, coverage, findings, rows, summary):
 *                   shared by the Node build (scripts/build) and the browser's local district
 *   src/local       the visitor's own reports, kept in the browser; built with src/build
 *   src/util        helpers any layer may use (user-timing measures)
 *   src/stores, src/composables, src/charts, src/components, src/views, App.vue, router.ts: the UI
 *   scripts/, tests/  Node: may use everything in src/, never the other way round
 */
const UI = '^src/(stores|composables|charts|components|views|i18n|styles)/|^src/(App\\.vue|main\\.ts|router\\.ts)$'

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere (a cycle such as db ⇄ composables means two layers are one).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves to a file or an installed package (a moved or missing file fails here). Vite asset imports (`?url`) are resolved by Vite.',
      from: {},
      to: { couldNotResolve: true, pathNot: '[?](url|raw)$' },
    },
    {
      name: 'report-is-pure',
      severity: 'error',
      comment: 'src/report is the pure layer: it imports nothing of the database, the browser storage, the UI, the scripts or the tests.',
      from: { path: '^src/report/' },
      to: { path: ['^src/(db|local)/', UI, '^scripts/', '^tests/'] },
    },
    {
      name: 'report-no-node-builtins',
      severity: 'error',
      comment: 'src/report runs in the browser too: no node: built-ins.',
      from: { path: '^src/report/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'parser-not-validator',
      severity: 'error',
      comment: 'The parser reads; the validator checks what was read. src/report/read.ts joins them, the parser never imports the validator.',
      from: { path: '^src/report/parse/' },
      to: { path: ['^src/report/validate/', '^src/report/read\\.ts$'] },
    },
    {
      name: 'validator-not-parser',
      severity: 'error',
      comment: 'The validator checks cells by key; it does not depend on how they were read.',
      from: { path: '^src/report/validate/' },
      to: { path: ['^src/report/parse/', '^src/report/read\\.ts$'] },
    },
    {
      name: 'sql-builders-only-build-sql',
      severity: 'error',
      comment: 'src/db/sql builds SQL strings from the schema, the report model and each other: no engine, store, Vue or other package.',
      from: { path: '^src/db/sql/' },
      to: { pathNot: ['^src/db/sql/', '^src/db/schema\\.ts$', '^src/report/(model|layout)/', '^src/report/(metrics|types)\\.ts$'] },
    },
    {
      name: 'build-core-is-pure',
      severity: 'error',
      comment:
        'src/build holds the data build\'s pure steps, run by the Node build and by the browser\'s local district alike: ' +
        'it imports the report layer, the schema and summary types of src/db and itself — no scripts, tests, engine, browser storage or UI.',
      from: { path: '^src/build/' },
      to: { path: ['^scripts/', '^tests/', '^src/local/', UI, '^src/db/'], pathNot: '^src/db/(schema|summary)\\.ts$' },
    },
    {
      name: 'build-core-no-node-builtins',
      severity: 'error',
      comment: 'src/build runs in the browser too: no node: built-ins.',
      from: { path: '^src/build/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'db-below-ui',
      severity: 'error',
      comment: 'The engine layer serves the UI and never imports it (no db ⇄ composables/stores cycle).',
      from: { path: '^src/db/' },
      to: { path: [UI, '^src/local/'] },
    },
    {
      name: 'local-below-ui',
      severity: 'error',
      comment: 'Browser-kept reports are data, below the UI: they import the report, build (src/build) and db layers, not components or views.',
      from: { path: '^src/local/' },
      to: { path: '^src/(components|views|charts)/|^src/(App\\.vue|router\\.ts)$' },
    },
    {
      name: 'stores-and-composables-below-components',
      severity: 'error',
      comment: 'State and composables do not import components, views or the app shell.',
      from: { path: '^src/(stores|composables)/' },
      to: { path: '^src/(components|views)/|^src/(App\\.vue|main\\.ts|router\\.ts)$' },
    },
    {
      name: 'charts-below-components',
      severity: 'error',
      comment: 'Chart options and the chart wrapper do not import components, views or stores.',
      from: { path: '^src/charts/' },
      to: { path: '^src/(components|views|stores)/|^src/(App\\.vue|main\\.ts|router\\.ts)$' },
    },
    {
      name: 'components-not-views',
      severity: 'error',
      comment: 'Components are parts of views, never the other way round.',
      from: { path: '^src/components/' },
      to: { path: '^src/views/|^src/(App\\.vue|main\\.ts)$' },
    },
    {
      name: 'util-is-a-leaf',
      severity: 'error',
      comment: 'src/util holds helpers every layer may use (timing); they import no other part of src.',
      from: { path: '^src/util/' },
      to: { path: '^src/', pathNot: '^src/util/' },
    },
    {
      name: 'browser-code-not-node',
      severity: 'error',
      comment: 'src/ is bundled for the browser: no node: built-ins, no native DuckDB, no scripts or tests. src/db/node.ts is the native connector for scripts and tests only.',
      from: { path: '^src/', pathNot: '^src/db/node\\.ts$' },
      to: { path: ['^scripts/', '^tests/', '^src/db/node\\.ts$', '@duckdb/node-api'] },
    },
    {
      name: 'browser-code-no-node-builtins',
      severity: 'error',
      comment: 'src/ is bundled for the browser: no node: built-ins.',
      from: { path: '^src/', pathNot: '^src/db/node\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^dist', '^public', '^\\.cache'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.vue', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
