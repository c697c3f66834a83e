/**
 * Seeded fuzzing of parseReport: thousands of mutations and truncations of every report fixture.
 * Whatever the damage, parseReport must return (never throw, never hit its internal-error net)
 * and its result must keep the `parse` contract. Deterministic: a failure prints the fixture, case
 * number and mutation, and reruns identically.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { unzipSync, zipSync } from 'fflate'
import { concat } from '../util/bytes'
import { describe, expect, it } from 'vitest'
import { parseReport } from '~/report/read'
import { encodeGb18030 } from '../fixtures/gb18030'
import { contractProblems } from './parse-contract'
import { mulberry32 } from '../../scripts/demo/prng'

const CASES_PER_FIXTURE = 90

const reportsDir = new URL('../fixtures/reports/', import.meta.url)
const fixtures: [string, Uint8Array][] = [
  ['hulan-baikui-2021.txt', new Uint8Array(readFileSync(new URL('../fixtures/shared/hulan-baikui-2021.txt', import.meta.url)))],
  ...readdirSync(reportsDir)
    .sort()
    .map((name): [string, Uint8Array] => [name, new Uint8Array(readFileSync(new URL(name, reportsDir)))]),
]

/** Seeded draws (the demo's PRNG), so every run fuzzes the same cases. */
function prng(seed: number) {
  const next = mulberry32(seed)
  const int = (n: number) => Math.floor(next() * n)
  return { int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! }
}
type Rng = ReturnType<typeof prng>

const INSERTS = [
  '\u00a0', '\u3000', '０', '１２', '３４５', '|', '||', '\t', '\n', '\n\n', '\t\t0', '—', '无', '/', '-8', '+3',
  '1e999', '9999999999999999999999', 'NaN', '٣', '\u200b', '\ufeff', '\ufffd', '件', '万元', '（七）总计',
  '三、收到和处理政府信息公开申请情况', '<td rowspan="999">', '<td colspan="0">', '</tr>', '<tr>', '<table>',
  '</table>', '<br>', '&nbsp;', '&#0;', '&#xD800;', '<script>', '<!--', ']]>', '\u0000', '\r',
]

const utf8 = new TextEncoder()
const latin1 = new TextDecoder('latin1')
const lossy = new TextDecoder('utf-8')

/** Text-level mutations: act on lines and characters of the decoded text. */
const textMutations: Record<string, (text: string, r: Rng) => string> = {
  deleteLines(text, r) {
    const lines = text.split('\n')
    const at = r.int(lines.length)
    lines.splice(at, 1 + r.int(12))
    return lines.join('\n')
  },
  duplicateLines(text, r) {
    const lines = text.split('\n')
    const at = r.int(lines.length)
    lines.splice(at, 0, ...lines.slice(at, at + 1 + r.int(20)))
    return lines.join('\n')
  },
  swapLines(text, r) {
    const lines = text.split('\n')
    const i = r.int(lines.length)
    const j = r.int(lines.length)
    ;[lines[i], lines[j]] = [lines[j]!, lines[i]!]
    return lines.join('\n')
  },
  insertTokens(text, r) {
    let out = text
    for (let k = 1 + r.int(8); k > 0; k--) {
      const at = r.int(out.length + 1)
      out = out.slice(0, at) + r.pick(INSERTS) + out.slice(at)
    }
    return out
  },
  deleteSpan(text, r) {
    const at = r.int(text.length)
    return text.slice(0, at) + text.slice(at + 1 + r.int(200))
  },
  digitsToFullWidth(text, r) {
    return text.replace(/\d/g, (d) => (r.int(3) === 0 ? String.fromCharCode(0xff10 + Number(d)) : d))
  },
  tabsToPipes(text, r) {
    return text.replace(/\t/g, () => r.pick(['|', ' | ', '\t', '  ', '']))
  },
  truncateText(text, r) {
    return text.slice(0, r.int(text.length))
  },
}

/** Byte-level mutations: damage the file as stored. */
const byteMutations: Record<string, (bytes: Uint8Array, r: Rng) => Uint8Array> = {
  flipBytes(bytes, r) {
    const out = bytes.slice()
    for (let k = 1 + r.int(6); k > 0 && out.length > 0; k--) out[r.int(out.length)] = r.int(256)
    return out
  },
  truncateBytes(bytes, r) {
    return bytes.slice(0, r.int(bytes.length + 1))
  },
  dropOneByte(bytes, r) {
    // Misaligns UTF-16 and splits UTF-8/GBK sequences.
    const at = r.int(bytes.length)
    return concat(bytes.subarray(0, at), bytes.subarray(at + 1))
  },
  gbkSlice(bytes, r) {
    // Mixed encodings: one stretch of the text re-encoded as GB18030 inside a UTF-8 file.
    const text = lossy.decode(bytes)
    const at = r.int(text.length)
    const end = at + 1 + r.int(300)
    return concat(utf8.encode(text.slice(0, at)), encodeGb18030(text.slice(at, end).replace(/[^\u0000-\uffff]/gu, '')), utf8.encode(text.slice(end)))
  },
  mojibakeSlice(bytes, r) {
    // A stretch of UTF-8 read as Latin-1 and saved again as UTF-8 (classic double encoding).
    const at = r.int(bytes.length)
    const end = Math.min(bytes.length, at + 1 + r.int(400))
    return concat(bytes.subarray(0, at), utf8.encode(latin1.decode(bytes.subarray(at, end))), bytes.subarray(end))
  },
}

/** For a .docx: mutate the text of word/document.xml and zip it again, so parsing gets past unzip. */
function mutateDocxXml(bytes: Uint8Array, r: Rng, name: string): Uint8Array {
  const files = unzipSync(bytes)
  const xml = lossy.decode(files['word/document.xml']!)
  const mutate = textMutations[name]!
  files['word/document.xml'] = utf8.encode(mutate(xml, r))
  return zipSync(files, { mtime: new Date(2022, 0, 1) })
}

function mutate(name: string, bytes: Uint8Array, r: Rng): { label: string; bytes: Uint8Array } {
  const steps: string[] = []
  let out = bytes
  for (let k = 1 + r.int(3); k > 0; k--) {
    const useBytes = r.int(3) === 0
    if (useBytes) {
      const m = r.pick(Object.keys(byteMutations))
      steps.push(m)
      out = byteMutations[m]!(out, r)
    } else {
      const m = r.pick(Object.keys(textMutations))
      steps.push(m)
      if (name.endsWith('.docx')) {
        try {
          out = mutateDocxXml(out, r, m)
        } catch {
          steps.push('(zip already broken)')
        }
      } else {
        out = utf8.encode(textMutations[m]!(lossy.decode(out), r))
      }
    }
  }
  return { label: steps.join(' → '), bytes: out }
}

describe('parseReport under fuzzing', () => {
  fixtures.forEach(([name, bytes], index) => {
    it(`${name}: ${CASES_PER_FIXTURE} mutations keep the contract`, () => {
      const failures: string[] = []
      const original = JSON.stringify(parseReport(bytes, name))
      let changed = 0
      for (let c = 0; c < CASES_PER_FIXTURE; c++) {
        const r = prng(1000 * (index + 1) + c)
        const { label, bytes: mutated } = mutate(name, bytes, r)
        let problems: string[]
        try {
          const outcome = parseReport(mutated, name)
          if (JSON.stringify(outcome) !== original) changed++
          problems = contractProblems(outcome, name)
        } catch (e) {
          problems = [`threw: ${e instanceof Error ? e.stack : String(e)}`]
        }
        if (problems.length > 0) failures.push(`case ${c} (${label}): ${problems.slice(0, 3).join('; ')}`)
      }
      expect(failures.slice(0, 5)).toEqual([])
      // The mutations must actually reach the parser: most cases change its output.
      expect(changed).toBeGreaterThan(CASES_PER_FIXTURE / 2)
    })
  })

  it('the unmutated fixtures parse cleanly too', () => {
    for (const [name, bytes] of fixtures) expect(contractProblems(parseReport(bytes, name), name)).toEqual([])
  })
})
