import type { ConsoleEngine } from './console-types'

/**
 * How the SQL console gets its engine: by default a separate DuckDB-WASM instance
 * (console-engine.ts), imported on the first query only so the engine code never delays the page.
 * Component tests replace it with a fake.
 */
export type ConsoleEngineFactory = () => Promise<ConsoleEngine>

let factory: ConsoleEngineFactory = () => import('./console-engine').then((m) => m.createConsoleEngine())
let engine: Promise<ConsoleEngine> | null = null

/** The console engine, started once per page and shared by every console on it. */
export function consoleEngine(): Promise<ConsoleEngine> {
  engine ??= factory().catch((err: unknown) => {
    engine = null
    throw err
  })
  return engine
}

/** Replace how the console engine is made (tests). */
export function setConsoleEngineFactory(f: ConsoleEngineFactory): void {
  factory = f
  engine = null
}
