import { inflateSync } from 'fflate'
import { crc32 } from 'node:zlib'

/**
 * Reading .zip archives for `npm run import`. fflate does the inflating; the central directory is
 * read here because fflate's unzip hides what import needs: the UTF-8 flag and the raw bytes of an
 * entry's name (zips made on Chinese Windows store GBK names without the flag, which fflate decodes
 * as Latin-1), one entry's failure without losing the others, and the sizes before anything is
 * inflated (the zip-bomb guard).
 */

/** One entry of an archive's central directory. */
export interface ZipEntry {
  /** Entry path as decoded, `\` turned into `/`. */
  path: string
  /** How the name was decoded: UTF-8 (flagged, or valid UTF-8) or GB18030 (unflagged and not UTF-8). */
  nameEncoding: 'utf-8' | 'gb18030'
  /** A folder entry (name ends with `/`). */
  dir: boolean
  encrypted: boolean
  /** Compression method: 0 stored, 8 deflate. */
  method: number
  compressedSize: number
  /** Uncompressed size as the archive declares it. */
  size: number
  crc: number
  localOffset: number
}

export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string }
export type ZipRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: string }

/** More entries than this and the archive is refused (a central-directory bomb). */
export const MAX_ZIP_ENTRIES = 100_000
/** Deflate cannot expand more than ≈ 1032:1; a declared size beyond that is a lie (damage or a bomb). */
const MAX_DEFLATE_RATIO = 1100

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8)
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32

/** Decode an entry name: UTF-8 when flagged or valid, else GB18030 (a superset of GBK). */
export function decodeEntryName(raw: Uint8Array, utf8Flag: boolean): { name: string; encoding: 'utf-8' | 'gb18030' } {
  if (utf8Flag) return { name: new TextDecoder('utf-8').decode(raw), encoding: 'utf-8' }
  try {
    return { name: new TextDecoder('utf-8', { fatal: true }).decode(raw), encoding: 'utf-8' }
  } catch {
    return { name: new TextDecoder('gb18030').decode(raw), encoding: 'gb18030' }
  }
}

/**
 * An entry path that would leave the folder it is unpacked into ("zip slip"): absolute, a drive
 * letter, a `..` segment, or a NUL. Import never writes entry paths to disk (a placed file keeps
 * only its base name), but such an entry is a sign of a hostile or broken archive, so it is refused.
 */
export function unsafeEntryPath(path: string): string | null {
  if (path.includes('\0')) return 'its name contains a NUL byte'
  if (path.startsWith('/')) return 'its path is absolute'
  if (/^[a-zA-Z]:/.test(path)) return 'its path starts with a drive letter'
  if (path.split('/').includes('..')) return 'its path climbs out of the archive ("..")'
  return null
}

/** The entries of an archive's central directory, or why it cannot be read. Never throws. */
export function listZip(bytes: Uint8Array): ZipListing {
  let eocd = -1
  for (let e = bytes.length - 22; e >= 0 && bytes.length - e <= 65557 + 22; e--) {
    if (u32(bytes, e) === 0x06054b50) {
      eocd = e
      break
    }
  }
  if (eocd < 0) return { ok: false, reason: 'not a zip archive (no end-of-central-directory record)' }
  let count = u16(bytes, eocd + 10)
  let offset = u32(bytes, eocd + 16)
  // ZIP64: the real count and offset are in the zip64 end record, found through its locator.
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50) {
    const z = u64(bytes, eocd - 12)
    if (z + 56 > bytes.length || u32(bytes, z) !== 0x06064b50) return { ok: false, reason: 'damaged zip64 end record' }
    count = u64(bytes, z + 32)
    offset = u64(bytes, z + 48)
  }
  if (count > MAX_ZIP_ENTRIES) return { ok: false, reason: `the archive lists ${count} entries, more than the ${MAX_ZIP_ENTRIES} limit; not read` }
  const entries: ZipEntry[] = []
  let o = offset
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== 0x02014b50) return { ok: false, reason: `damaged central directory (entry ${i + 1} of ${count})` }
    const flags = u16(bytes, o + 8)
    const nameLen = u16(bytes, o + 28)
    const extraLen = u16(bytes, o + 30)
    const commentLen = u16(bytes, o + 32)
    if (o + 46 + nameLen + extraLen > bytes.length) return { ok: false, reason: `damaged central directory (entry ${i + 1} of ${count})` }
    let compressedSize = u32(bytes, o + 20)
    let size = u32(bytes, o + 24)
    let localOffset = u32(bytes, o + 42)
    const extra = o + 46 + nameLen
    // ZIP64 extra field (id 1): the 8-byte values, in this order, of the fields set to 0xffffffff.
    for (let x = extra; x + 4 <= extra + extraLen; x += 4 + u16(bytes, x + 2)) {
      if (u16(bytes, x) !== 1) continue
      let p = x + 4
      if (size === 0xffffffff) {
        size = u64(bytes, p)
        p += 8
      }
      if (compressedSize === 0xffffffff) {
        compressedSize = u64(bytes, p)
        p += 8
      }
      if (localOffset === 0xffffffff) localOffset = u64(bytes, p)
    }
    const { name, encoding } = decodeEntryName(bytes.subarray(o + 46, o + 46 + nameLen), (flags & 0x800) !== 0)
    const path = name.replace(/\\/g, '/')
    entries.push({
      path,
      nameEncoding: encoding,
      dir: path.endsWith('/'),
      encrypted: (flags & 1) !== 0,
      method: u16(bytes, o + 10),
      compressedSize,
      size,
      crc: u32(bytes, o + 16),
      localOffset,
    })
    o = extra + extraLen + commentLen
  }
  return { ok: true, entries }
}

/**
 * The bytes of one entry, at most `maxBytes`. The declared size is checked before anything is
 * inflated (the output buffer is that size, so a lying entry cannot grow past it) and the result
 * is checked against the entry's CRC-32 and size. Never throws.
 */
export function readZipEntry(archive: Uint8Array, entry: ZipEntry, maxBytes: number): ZipRead {
  if (entry.encrypted) return { ok: false, reason: 'the entry is encrypted (password-protected); not read' }
  if (entry.size > maxBytes) return { ok: false, reason: `the entry declares ${mb(entry.size)} unpacked, more than the ${mb(maxBytes)} limit; not unpacked (zip-bomb guard)` }
  if (entry.method === 8 && entry.size > Math.max(1, entry.compressedSize) * MAX_DEFLATE_RATIO) {
    return { ok: false, reason: `the entry declares ${mb(entry.size)} from ${entry.compressedSize} compressed bytes, more than deflate can produce; not unpacked (damaged or a zip bomb)` }
  }
  const l = entry.localOffset
  if (l + 30 > archive.length || u32(archive, l) !== 0x04034b50) return { ok: false, reason: 'damaged archive (the entry\'s local header is missing)' }
  const start = l + 30 + u16(archive, l + 26) + u16(archive, l + 28)
  if (start + entry.compressedSize > archive.length) return { ok: false, reason: 'damaged archive (the entry is cut short)' }
  const data = archive.subarray(start, start + entry.compressedSize)
  let out: Uint8Array
  if (entry.method === 0) out = data.slice()
  else if (entry.method === 8) {
    try {
      out = inflateSync(data, { out: new Uint8Array(entry.size) })
    } catch (e) {
      return { ok: false, reason: `damaged entry (deflate: ${(e as Error).message})` }
    }
  } else return { ok: false, reason: `compression method ${entry.method} is not supported (only stored and deflate); not read` }
  if (out.length !== entry.size || crc32(out) !== entry.crc) return { ok: false, reason: 'damaged entry (its checksum or size does not match what the archive declares)' }
  return { ok: true, bytes: out }
}

function mb(n: number): string {
  return n < 1024 * 1024 ? `${n} bytes` : `${(n / 1024 / 1024).toFixed(0)} MB`
}
