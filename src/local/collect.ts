import type { DroppedFile, SkippedFile } from './types'

/** What the page was given, read into memory: files with their paths, and entries it could not read. */
export interface Collected {
  files: DroppedFile[]
  skipped: SkippedFile[]
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e))

async function readFile(file: File, name: string, out: Collected): Promise<void> {
  try {
    out.files.push({ name, bytes: new Uint8Array(await file.arrayBuffer()) })
  } catch (e) {
    out.skipped.push({ name, reason: `无法读取文件（${why(e)}）`, reason_en: `cannot read the file (${why(e)})` })
  }
}

/** Files from an `<input type="file">` (several files, or a folder with webkitdirectory: their relative paths). */
export async function collectInput(list: FileList | readonly File[]): Promise<Collected> {
  const out: Collected = { files: [], skipped: [] }
  for (const f of Array.from(list)) await readFile(f, f.webkitRelativePath || f.name, out)
  return out
}

/**
 * Files and folders dropped on the page. Folders are walked through the File and Directory
 * Entries API (every batch of `readEntries`, which returns at most 100 entries at a time).
 */
export async function collectDrop(transfer: DataTransfer): Promise<Collected> {
  const out: Collected = { files: [], skipped: [] }
  // Entries must be taken synchronously, before the first await: the DataTransfer empties after the event.
  const items = Array.from(transfer.items ?? [])
  const entries = items.map((i) => (i.kind === 'file' ? i.webkitGetAsEntry?.() ?? null : null))
  const plain = items.map((i) => (i.kind === 'file' ? i.getAsFile() : null))
  if (items.length === 0) {
    for (const f of Array.from(transfer.files)) await readFile(f, f.name, out)
    return out
  }
  for (const [i, entry] of entries.entries()) {
    if (entry) await walk(entry, out)
    else if (plain[i]) await readFile(plain[i]!, plain[i]!.name, out)
  }
  return out
}

async function walk(entry: FileSystemEntry, out: Collected): Promise<void> {
  const name = entry.fullPath.replace(/^\/+/, '') || entry.name
  if (entry.isFile) {
    try {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))
      await readFile(file, name, out)
    } catch (e) {
      out.skipped.push({ name, reason: `无法读取文件（${why(e)}）`, reason_en: `cannot read the file (${why(e)})` })
    }
    return
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader()
  try {
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
      if (batch.length === 0) break
      for (const child of batch) await walk(child, out)
    }
  } catch (e) {
    out.skipped.push({ name: `${name}/`, reason: `无法读取文件夹（${why(e)}）`, reason_en: `cannot list the folder (${why(e)})` })
  }
}
