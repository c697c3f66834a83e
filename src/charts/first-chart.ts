/**
 * The page's first chart: the `<html data-first-chart="1">` test hook (e2e tests, bench:ui), and
 * the hold that keeps below-the-fold work (the views' tables) from drawing in the same task as the
 * first chart. On a first visit the prebuilt rows of a view arrive at once for every card; an
 * Element Plus table of 20–100 rows then cost as much main-thread time as all the charts, and the
 * first chart waited for it. The app's entry (main.ts) starts the hold; components mounted alone
 * (tests, later pages) never wait.
 */

let held: Promise<void> | null = null
let release: (() => void) | null = null

/**
 * Hold below-the-fold work until the page's first chart is drawn and painted, or at most
 * `fallbackMs` (a page without a chart, a chart that fails).
 */
export function holdUntilFirstChart(fallbackMs = 2000): void {
  if (held || document.documentElement.dataset.firstChart === '1') return
  held = new Promise<void>((resolve) => {
    release = () => {
      release = null
      // Two frames: the chart's canvas is painted before the held work takes the main thread.
      requestAnimationFrame(() => setTimeout(resolve, 0))
    }
  })
  setTimeout(() => release?.(), fallbackMs)
}

/** Resolves when held work may draw; null when nothing is held (draw now). */
export function afterFirstChart(): Promise<void> | null {
  return release ? held : null
}

/** Called by EChart.vue on every `finished`: sets the test hook and lets held work draw. */
export function markChartDrawn(): void {
  document.documentElement.dataset.firstChart ??= '1'
  release?.()
}
