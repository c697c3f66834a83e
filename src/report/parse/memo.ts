/**
 * Memoises a pure one-string function. Report tables repeat the same few hundred label and value
 * strings across every report, so label matching and cell reading hit the cache almost always.
 * The cache is cleared when it grows past `limit` entries, bounding memory on odd input.
 */
export function memoString<T>(fn: (s: string) => T, limit = 20_000): (s: string) => T {
  const cache = new Map<string, T>()
  return (s: string) => {
    const hit = cache.get(s)
    if (hit !== undefined || cache.has(s)) return hit as T
    if (cache.size >= limit) cache.clear()
    const value = fn(s)
    cache.set(s, value)
    return value
  }
}
