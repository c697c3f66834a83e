import { describe, expect, it } from 'vitest'
import { collectDrop, collectInput } from '~/local/collect'

/** A dropped file entry (File and Directory Entries API), as Chromium hands it over. */
function fileEntry(fullPath: string, content: string | Error): FileSystemFileEntry {
  return {
    isFile: true, isDirectory: false, fullPath, name: fullPath.split('/').pop()!,
    file: (ok: (f: File) => void, fail: (e: Error) => void) => (content instanceof Error ? fail(content) : ok(new File([content], fullPath.split('/').pop()!))),
  } as unknown as FileSystemFileEntry
}

/** A dropped folder whose reader hands out its children in batches, as readEntries does (≤ 100 at a time). */
function dirEntry(fullPath: string, children: FileSystemEntry[], batch = 2): FileSystemDirectoryEntry {
  return {
    isFile: false, isDirectory: true, fullPath, name: fullPath.split('/').pop()!,
    createReader: () => {
      let at = 0
      return { readEntries: (ok: (e: FileSystemEntry[]) => void) => { ok(children.slice(at, at + batch)); at += batch } }
    },
  } as unknown as FileSystemDirectoryEntry
}

function transfer(entries: FileSystemEntry[]): DataTransfer {
  return { items: entries.map((e) => ({ kind: 'file', webkitGetAsEntry: () => e, getAsFile: () => null })), files: [] } as unknown as DataTransfer
}

describe('collecting dropped folders and files', () => {
  it('walks every batch of a dropped folder, keeps relative paths, and names a file it cannot read', async () => {
    const folder = dirEntry('/年报', [
      fileEntry('/年报/a.txt', 'A'),
      dirEntry('/年报/2021', [fileEntry('/年报/2021/b.txt', 'B'), fileEntry('/年报/2021/c.txt', 'C'), fileEntry('/年报/2021/d.txt', 'D')]),
      fileEntry('/年报/locked.txt', new Error('NotReadableError')),
    ])
    const got = await collectDrop(transfer([folder, fileEntry('/e.txt', 'E')]))
    expect(got.files.map((f) => f.name)).toEqual(['年报/a.txt', '年报/2021/b.txt', '年报/2021/c.txt', '年报/2021/d.txt', 'e.txt'])
    expect(new TextDecoder().decode(got.files[1]!.bytes)).toBe('B')
    expect(got.skipped).toEqual([{ name: '年报/locked.txt', reason: '无法读取文件（NotReadableError）', reason_en: 'cannot read the file (NotReadableError)' }])
  })

  it('takes chosen files by their folder-relative path when a folder was chosen', async () => {
    const f = new File(['x'], 'b.txt')
    Object.defineProperty(f, 'webkitRelativePath', { value: '年报/2021/b.txt' })
    const got = await collectInput([f, new File(['y'], 'c.txt')])
    expect(got.files.map((x) => x.name)).toEqual(['年报/2021/b.txt', 'c.txt'])
  })
})
