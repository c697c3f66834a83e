/**
 * `npm start`: rebuild public/data when it is missing or stale (its stamp ≠ the hash of the inputs
 * and the build code), then run the Vite dev server on 127.0.0.1:5173. Extra arguments go to Vite;
 * `--rebuild` forces the data build.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildData } from './build/build'
import { defaultEngines } from './build/engines'
import { terminalLog } from './build/log'
import { inputStamp, readStamp } from './build/stamp'

const ROOT = resolve(import.meta.dirname, '..')
const DATA = join(ROOT, 'data')
const OUT = join(ROOT, 'public/data')
const HOST = '127.0.0.1'
const PORT = '5173'

/** True when public/data must be (re)built; the reason is printed. */
function needsBuild(stamp: string, force: boolean): boolean {
  if (force) return (console.log('data: --rebuild given, rebuilding'), true)
  if (!existsSync(join(OUT, 'index.json'))) return (console.log('data: public/data is missing, building'), true)
  if (readStamp(OUT) !== stamp) return (console.log('data: inputs or build code changed since the last build, rebuilding'), true)
  console.log('data: public/data is up to date')
  return false
}

async function ensureData(force: boolean): Promise<boolean> {
  const stamp = inputStamp(ROOT, DATA)
  if (!needsBuild(stamp, force)) return true
  try {
    const result = await buildData({ dataDir: DATA, outDir: OUT, strict: false, log: terminalLog(), stamp }, defaultEngines)
    if (result.districts.length === 0) {
      console.error('data: nothing could be built (see above); not starting the server')
      return false
    }
    return true
  } catch (e) {
    console.error(`data: build failed: ${(e as Error).message}`)
    return false
  }
}

function startVite(extra: string[]): void {
  const vite = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), '--host', HOST, '--port', PORT, '--strictPort', ...extra], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  console.log(`\n  dashboard: http://${HOST}:${PORT}/\n`)
  // Forward Ctrl-C / kill to Vite and leave with its exit code, so no server is left holding the port.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => vite.kill(signal))
  vite.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 2 : 0)))
}

const args = process.argv.slice(2)
const force = args.includes('--rebuild')
if (await ensureData(force)) startVite(args.filter((a) => a !== '--rebuild'))
else process.exitCode = 1
