import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * `npm run lint` must fail when a layer leaks. These tests run the project's own
 * .dependency-cruiser.cjs on a small tree of files laid out like src/ (in a temporary folder, so
 * the real tree is never touched), each file breaking one rule, and check that the cruise fails
 * naming that rule for that file — and that the same tree without the leaks passes.
 */
const root = process.cwd()
const depcruise = join(root, 'node_modules/.bin/depcruise')
const config = join(root, '.dependency-cruiser.cjs')
const eslint = join(root, 'node_modules/.bin/eslint')
const made: string[] = []

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'))
  made.push(dir)
  // The config resolves through tsconfig.node.json (the `~` alias); a minimal one with the alias.
  files['tsconfig.node.json'] = JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', paths: { '~/*': ['./src/*'] } }, include: ['src/**/*.ts'] })
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

/** Runs the cruise as `npm run lint:layers` does; violations as "<rule> <from file>". */
function cruise(dir: string): { status: number | null; violations: string[] } {
  const run = spawnSync(depcruise, ['src', '--config', config, '--output-type', 'err'], { cwd: dir, encoding: 'utf8' })
  const violations = [...run.stdout.matchAll(/^\s*error (\S+): (\S+)/gm)].map((m) => `${m[1]} ${m[2]}`)
  return { status: run.status, violations }
}

/** The innocent modules every probe imports from. */
const BASE: Record<string, string> = {
  'src/db/schema.ts': 'export const TABLES = 1\n',
  'src/report/validate/index.ts': 'export const validate = 1\n',
  'src/report/model/index.ts': 'export const KEYS = 1\n',
  'src/stores/filters.ts': 'export const filters = 1\n',
  'src/composables/useQuery.ts': "import { TABLES } from '../db/schema'\nexport const q = TABLES\n",
  'src/db/sql/overview.ts': "import { TABLES } from '../schema'\nimport { KEYS } from '../../report/model/index'\nexport const sql = TABLES + KEYS\n",
  'src/db/wasm.ts': 'export const engine = 1\n',
  // The build's pure steps use the schema and the report model; the browser's local district uses them.
  'src/build/coverage.ts': "import { TABLES } from '../db/schema'\nimport { KEYS } from '../report/model/index'\nexport const grid = TABLES + KEYS\n",
  'src/local/derive.ts': "import { grid } from '../build/coverage'\nexport const local = grid\n",
  'scripts/build/input-fs.ts': 'export const nodeInputFs = 1\n',
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

describe('layer rules (dependency-cruiser)', () => {
  it('pass a tree that keeps the layers', () => {
    const run = cruise(tree({ ...BASE }))
    expect(run.violations).toEqual([])
    expect(run.status).toBe(0)
  })

  it('fail on each leak, naming the rule and the file', () => {
    const dir = tree({
      ...BASE,
      'src/report/leak-db.ts': "import { TABLES } from '../db/schema'\nexport const x = TABLES\n",
      'src/report/leak-node.ts': "import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n",
      'src/report/parse/leak-validate.ts': "import { validate } from '../validate/index'\nexport const v = validate\n",
      'src/db/sql/leak-store.ts': "import { filters } from '../../stores/filters'\nexport const f = filters\n",
      'src/db/leak-cycle.ts': "import { q } from '../composables/useQuery'\nexport const c = q\n",
      'src/composables/useQuery.ts': "import { TABLES } from '../db/schema'\nimport { c } from '../db/leak-cycle'\nexport const q = TABLES\nexport const again = c\n",
      'src/views/leak-missing.ts': "import { gone } from '../components/Gone'\nexport const g = gone\n",
      'src/build/leak-scripts.ts': "import { nodeInputFs } from '../../scripts/build/input-fs'\nexport const s = nodeInputFs\n",
      'src/build/leak-engine.ts': "import { engine } from '../db/wasm'\nexport const e = engine\n",
      'src/build/leak-local.ts': "import { local } from '../local/derive'\nexport const l = local\n",
      'src/build/leak-store.ts': "import { filters } from '../stores/filters'\nexport const f = filters\n",
      'src/build/leak-node.ts': "import { join } from 'node:path'\nexport const j = join\n",
    })
    const run = cruise(dir)
    expect(run.status).not.toBe(0)
    const seen = new Set(run.violations)
    for (const expected of [
      'report-is-pure src/report/leak-db.ts',
      'report-no-node-builtins src/report/leak-node.ts',
      'parser-not-validator src/report/parse/leak-validate.ts',
      'sql-builders-only-build-sql src/db/sql/leak-store.ts',
      'db-below-ui src/db/leak-cycle.ts',
      'not-to-unresolvable src/views/leak-missing.ts',
      'build-core-is-pure src/build/leak-scripts.ts',
      'build-core-is-pure src/build/leak-engine.ts',
      'build-core-is-pure src/build/leak-local.ts',
      'build-core-is-pure src/build/leak-store.ts',
      'build-core-no-node-builtins src/build/leak-node.ts',
      'browser-code-not-node src/build/leak-scripts.ts',
    ]) {
      expect(seen, expected).toContain(expected)
    }
    // The cycle db ⇄ composables is reported from whichever of its files the cruise meets first.
    expect([...seen].some((v) => /^no-circular src\/(db\/leak-cycle|composables\/useQuery)\.ts$/.test(v)), [...seen].join('\n')).toBe(true)
  })
})

describe('code rules (ESLint)', () => {
  const lint = (file: string, text: string) =>
    spawnSync(eslint, ['--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: root, input: text, encoding: 'utf8' })

  it('rejects v-html on untrusted text in a component', () => {
    const run = lint('src/components/common/ProbeCard.vue', '<script setup lang="ts">\nconst text = "<b>x</b>"\n</script>\n<template><div v-html="text" /></template>\n')
    expect(run.status).toBe(1)
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[]
    expect(result!.messages.map((m) => m.ruleId)).toContain('vue/no-v-html')
  })

  it('accepts a clean component and reports a TypeScript error in a module', () => {
    const clean = lint('src/components/common/ProbeCard.vue', '<script setup lang="ts">\nconst text = "x"\n</script>\n<template><div>{{ text }}</div></template>\n')
    expect(clean.status, clean.stdout).toBe(0)
    const bad = lint('src/report/probe.ts', 'export function f(): number {\n  const unused = 1\n  return 2\n}\n')
    expect(bad.status).toBe(1)
    expect(bad.stdout).toContain('@typescript-eslint/no-unused-vars')
  })
})
