/**
 * User-timing measures (`performance.measure`) for the parts of a page load and a filter change:
 * engine phases, SQL runs, chart setOption and draw. They show in the browser's Performance panel
 * and `npm run bench:ui -- --breakdown` reads them to say which part dominates. A measure costs
 * microseconds; where `performance` is missing (old test environments) nothing is recorded.
 */

/** Prefix of every measure this app records, so readers can filter them. */
export const PERF_PREFIX = 'gov:'

const perf: Performance | undefined = typeof performance !== 'undefined' && typeof performance.measure === 'function' ? performance : undefined

/** The current time on the page clock (ms), or 0 where there is no clock. */
export function perfNow(): number {
  return perf ? perf.now() : 0
}

/**
 * Record a measure named `gov:<name>` from `start` (a {@link perfNow} value) until now.
 * `detail` travels with the entry (e.g. whether a query came from the cache).
 */
export function perfMeasure(name: string, start: number, detail?: Record<string, unknown>): void {
  if (!perf) return
  try {
    perf.measure(PERF_PREFIX + name, { start, end: perf.now(), detail })
  } catch {
    // A clock that went backwards or a browser without the options form: timing is optional.
  }
}
