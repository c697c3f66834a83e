/**
 * The one file-name rule for a report that `npm run fetch` downloads and `npm run import` places:
 * `<unit>-<year>.<ext>`, then `-2`, `-3` … for further files of the unit-year. Fetch decides that a
 * unit-year is already stored by matching a file's *name* to the unit, so both commands must name
 * files the same way, or a fetch after an import downloads a second copy (docs/fetch.md, docs/import.md).
 */

/** Characters no file name may hold (Windows-reserved, separators, controls): district folders are edited on Windows too. */
export const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g

/** The name stem that names the unit and year: `<unit>-<year>`, `<unit>-<year>-<n>` for the n-th file. */
export function reportStem(unit: string, year: number, n = 1): string {
  // A leading "." would hide the file from the build.
  const safe = unit.replace(UNSAFE, '_').replace(/^[.\s]+/, '').trim() || 'unit'
  return `${safe}-${year}${n > 1 ? `-${n}` : ''}`
}

/** The report's file name; `ext` without its dot (`docx`), or '' for a file that had none. */
export function reportFileName(unit: string, year: number, ext: string, n = 1): string {
  return ext ? `${reportStem(unit, year, n)}.${ext}` : reportStem(unit, year, n)
}
