/**
 * Splitting a run of glued digits (layout g) into cells. A split is only ever kept when it is the
 * single one consistent with the table's own arithmetic; these functions enumerate candidates.
 */

/** Enumeration stops past this many candidates: the caller then treats the run as ambiguous. */
export const MAX_CANDIDATES = 64

/**
 * Every split of `digits` into `groups` groups of `size` numbers where the last number of each
 * group is the sum of the others (A3 for a section 三 row: 6 columns + 总计; A4–A6 for section 四:
 * 4 results + 总计). Numbers have no leading zeros except 0 itself. Stops after MAX_CANDIDATES + 1.
 */
export function summedSplits(digits: string, groups: number, size: number): number[][] {
  const out: number[][] = []
  const parts: number[] = []
  const walk = (pos: number, group: number, inGroup: number, sum: number): void => {
    if (out.length > MAX_CANDIDATES) return
    if (group === groups) {
      if (pos === digits.length) out.push([...parts])
      return
    }
    if (inGroup === size - 1) {
      // The group's total is forced: it must be printed next.
      const total = String(sum)
      if (!digits.startsWith(total, pos)) return
      parts.push(sum)
      walk(pos + total.length, group + 1, 0, 0)
      parts.pop()
      return
    }
    const maxLen = digits[pos] === '0' ? 1 : Math.min(12, digits.length - pos)
    for (let len = 1; len <= maxLen; len++) {
      const value = Number(digits.slice(pos, pos + len))
      parts.push(value)
      walk(pos + len, group, inGroup + 1, sum + value)
      parts.pop()
    }
  }
  walk(0, 0, 0, 0)
  return out
}

/**
 * The split of `digits` into `n` numbers when there is only one: a single cell takes the whole
 * number; otherwise only when every number is one digit. Else null (several splits exist and
 * nothing decides between them).
 */
export function uniqueSplit(digits: string, n: number): number[] | null {
  if (n === 1 && /^\d+(?:\.\d+)?$/.test(digits)) return [Number(digits)]
  return digits.length === n && /^\d+$/.test(digits) ? [...digits].map(Number) : null
}
