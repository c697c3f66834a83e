import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { zipSync } from 'fflate'
import type { DroppedFile } from '~/local/types'

const ROOT = resolve(import.meta.dirname, '../..')
const read = (p: string) => new Uint8Array(readFileSync(resolve(ROOT, p)))

/**
 * A staff member's drop: real reports of several renderings (平潭 crawler pages, a PDF, a .docx
 * template, 呼兰区白奎镇), one of them twice, a zip holding two of them, a file that is not a
 * report, a binary file, and a hidden file.
 */
export function mixedDrop(): DroppedFile[] {
  return [
    { name: '我的文件夹/2021/c001.txt', bytes: read('tests/corpus/raw/c001.txt') },
    { name: '我的文件夹/c002.txt', bytes: read('tests/corpus/raw/c002.txt') },
    { name: '我的文件夹/c001-copy.txt', bytes: read('tests/corpus/raw/c001.txt') },
    { name: 'c030.txt', bytes: read('tests/corpus/raw/c030.txt') },
    { name: 'c027.pdf', bytes: read('tests/corpus/raw/c027.pdf') },
    { name: 'c029.docx', bytes: read('tests/corpus/raw/c029.docx') },
    { name: 'hulan-baikui-2021.txt', bytes: read('tests/fixtures/shared/hulan-baikui-2021.txt') },
    { name: '说明.txt', bytes: new TextEncoder().encode('这是一份会议通知，不是年报。\n请各单位按时参加。\n') },
    { name: 'photo.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 0, 0, 0, 0]) },
    { name: '我的文件夹/.DS_Store', bytes: Uint8Array.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]) },
    {
      name: '两份.zip',
      bytes: zipSync({ '2023/c025.txt': read('tests/corpus/raw/c025.txt'), 'c031.txt': read('tests/corpus/raw/c031.txt') }),
    },
  ]
}

/** The real 平潭综合实验区 registry, as a staff member would upload it. */
export function pingtanUnitsCsv(): Uint8Array {
  return read('data/districts/pingtan/units.csv')
}
