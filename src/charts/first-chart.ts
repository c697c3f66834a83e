/**
 * The page's first chart: the `<html data-first-chart="1">` test hook (e2e tests, bench:ui), and
 * the hold that keeps the rest of the page (the views' other charts and their tables) from drawing
 * in the same task as the first chart. On a first visit the prebuilt rows of a view arrive at once
 * for every card: 主动公开's eight charts took 320 ms of one task, an Element Plus table of 20–100
 * rows as much again, and the first chart was not on screen until all of them were done. The
 * app's entry (main.ts) starts the hold; components mounted alone (tests, later pages) never wait.
 */

let held: Promise<void> | null = null
let release: (() => void) | null = null
/** Nothing held: draw now. False from the hold until the held work may draw (not merely until the first chart is drawn). */
let open = true

/**
 * Hold below-the-fold work until the page's first chart is drawn and painted, or at most
 * `fallbackMs` (a page without a chart, a chart that fails).
 */
export function holdUntilFirstChart(fallbackMs = 2000): void {
  if (held || document.documentElement.dataset.firstChart === '1') return
  open = false
  held = new Promise<void>((resolve) => {
    release = () => {
      release = null
      // Two frames: the chart's canvas is painted before the held work takes the main thread.
      // Until then a chart asking in the same task (ECharts draws without animation at once) still waits.
      requestAnimationFrame(() => setTimeout(() => {
        open = true
        resolve()
      }, 0))
    }
  })
  setTimeout(() => release?.(), fallbackMs)
}

let firstClaimed = false

/**
 * While work is held, true for the one chart that draws first (the first ready to draw: its option
 * set and its chart type loaded, which is the top chart of a view in practice); the others wait for
 * {@link afterFirstChart}.
 */
export function claimFirstChart(): boolean {
  if (firstClaimed) return false
  firstClaimed = true
  return true
}

/** Resolves when held work may draw; null when nothing is held (draw now). */
export function afterFirstChart(): Promise<void> | null {
  return open ? null : held
}

/** Called by EChart.vue on every `finished`: sets the test hook and lets held work draw. */
export function markChartDrawn(): void {
  document.documentElement.dataset.firstChart ??= '1'
  release?.()
}
