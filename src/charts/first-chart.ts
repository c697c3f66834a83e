/**
 * Sets the `<html data-first-chart="1">` test hook (used by the e2e tests and bench:ui) when the
 * first chart of the page has finished drawing. Called by EChart.vue on every `finished`.
 */
export function markChartDrawn(): void {
  document.documentElement.dataset.firstChart ??= '1'
}
