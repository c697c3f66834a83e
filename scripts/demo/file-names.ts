import type { Rng } from './prng'

/**
 * File name patterns seen on government sites: the plain title, the year first, 年度 instead of
 * 年…年度报告, an announcement wrapper, and a short form.
 */
const PATTERNS: readonly ((name: string, year: number) => string)[] = [
  (name, year) => `${name}${year}年政府信息公开工作年度报告`,
  (name, year) => `${name}${year}年政府信息公开工作年度报告`,
  (name, year) => `${year}年${name}政府信息公开工作年度报告`,
  (name, year) => `${name}${year}年度政府信息公开工作报告`,
  (name, year) => `关于${name}${year}年政府信息公开工作年度报告的公告`,
  (name, year) => `${name}-${year}年政府信息公开年报`,
]

/**
 * A file name for a report, unique inside its year folder: `taken` collects the names already used
 * (two units cannot share a printed name, but a pattern might collide after an alias is used).
 */
export function reportFileName(rng: Rng, printedName: string, year: number, ext: string, taken: Set<string>): string {
  const stem = rng.pick(PATTERNS)(printedName, year)
  let name = `${stem}.${ext}`
  for (let i = 2; taken.has(name); i++) name = `${stem}（${i}）.${ext}`
  taken.add(name)
  return name
}
