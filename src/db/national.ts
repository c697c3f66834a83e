/**
 * Where the national index lives. The data build writes `national.json` at the top of the data folder
 * (src/build/national-index.ts has its shape); the province view reads it — a small file, no engine.
 */

/** File name inside the data folder. */
export const NATIONAL_FILE = 'national.json'

/** URL relative to the page, like the other data files (src/db/data-files.ts). */
export const NATIONAL_JSON = `data/${NATIONAL_FILE}`
