import { BODY_WORDS, stripBodySuffix } from '~/report/unit-name'
import type { DistrictInfo } from './types'

/**
 * Name normalisation for matching report names to registry units. A report may call itself
 * 哈尔滨市呼兰区白奎镇人民政府, the registry says 白奎镇: both reduce to the same key.
 */

/** Boilerplate in report titles and file names that is not part of the unit name. */
const TITLE_NOISE = [
  /\.[a-z0-9]{1,5}$/i,
  /[（(]?\s*(19|20)\d{2}\s*(年度|年)?\s*[)）]?/g,
  /政府信息公开(工作)?(年度)?(工作)?报告/g,
  /信息公开(工作)?年度报告/g,
  /年度报告/g,
  /^关于/,
  /[_\-—–·•\s]+/g,
]

/** Unicode-normalise and remove whitespace and punctuation used as separators. */
export function clean(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u00a0\u3000"'“”‘’《》〈〉【】[\]]/g, '')
}

/** Place names to strip from the front: province, city and district, in their full printed forms. */
export function placePrefixes(info: DistrictInfo): string[] {
  return [info.province, info.city, info.name].map(clean).filter((p) => p.length >= 2)
}

/** The matching key of a name: cleaned, place prefixes and body suffixes removed (never to nothing). */
export function nameKey(name: string, prefixes: readonly string[]): string {
  let key = clean(name)
  for (let changed = true; changed; ) {
    changed = false
    for (const p of prefixes) {
      if (key.startsWith(p) && key.length > p.length) {
        key = key.slice(p.length)
        changed = true
      }
    }
  }
  return stripBodySuffix(key)
}

/** A file name or title reduced to the unit part: extension, years and report boilerplate removed. */
export function titleToName(title: string): string {
  let t = title.normalize('NFKC')
  for (const re of TITLE_NOISE) t = t.replace(re, '')
  return t.replace(/的$/, '')
}

/** The key with all body words removed, for substring search inside longer titles. */
export function coreKey(key: string): string {
  let k = key
  for (const word of BODY_WORDS) k = k.split(word).join('')
  return k
}
