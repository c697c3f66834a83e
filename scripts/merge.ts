/**
 * `npm run merge -- PART… [--out DIR]`: put the outputs of builds split by district (each
 * `npm run build:data -- --district ID --out PART`, run anywhere: a CI matrix, Kubernetes Jobs,
 * any batch runner) together into one output folder, the same as one build of every district
 * would write (scripts/build/merge.ts). Nothing is parsed again. Exit 1 when a part cannot be read
 * or a district is in two parts (the message names them); exit 2: bad arguments.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { terminalLog } from './build/log'
import { mergeOutputs } from './build/merge'

const USAGE = 'usage: npm run merge -- PART… [--out DIR]   (each PART an output folder of npm run build:data)'

/** Run the merge from the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parts: string[]
  let outDir: string
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string', default: 'public/data' } }, strict: true })
    if (positionals.length === 0) throw new Error('no parts given')
    parts = positionals.map((p) => resolve(p))
    outDir = resolve(values.out)
  } catch (e) {
    console.error(`merge: ${(e as Error).message}\n${USAGE}`)
    return 2
  }
  const log = terminalLog()
  const started = performance.now()
  try {
    const r = await mergeOutputs(parts, { outDir, log })
    log.info(`merged ${r.districts.length} district${r.districts.length === 1 ? '' : 's'} (${r.reports} reports) from ${parts.length} part${parts.length === 1 ? '' : 's'}: wrote ${r.files.length} files to ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    return 0
  } catch (e) {
    log.problem(`merge: ${(e as Error).message}`)
    return 1
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2))
}
