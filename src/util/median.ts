/**
 * The median of a list of numbers (the mean of the two middle ones for an even count), or null
 * for an empty list. The comparison tables' 中位数 rows (units of a district, districts of a
 * province, provinces of the nation) all take it, so they agree on what a median is.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}
