// Entry of a parse worker. Worker threads do not inherit tsx's loader from the parent process
// (Node 20: "Unknown file extension .ts"), so register it here, then load the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./parse-worker.ts')
