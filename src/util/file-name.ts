/**
 * File-name arithmetic shared by the build, the fetch, the import and 我的报告: one definition of
 * "the name" and "the extension", so a file is named the same way wherever it is placed or matched.
 * Paths use `/` (the build's own paths, URLs, browser File names); a leading dot is a hidden file's
 * name, not an extension.
 */

/** The last `/`-separated segment of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** A file name split before its last dot: `{ stem: 'a.b', ext: '.docx' }`; `ext` is '' when there is none. */
export function splitExt(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? { stem: name.slice(0, dot), ext: name.slice(dot) } : { stem: name, ext: '' }
}

/** A path's extension without the dot, as written ('' when none). */
export function extOf(path: string): string {
  return splitExt(baseName(path)).ext.slice(1)
}
