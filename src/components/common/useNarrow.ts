import { onBeforeUnmount, ref } from 'vue'

/**
 * True on a phone-wide screen (≤ 600 px), following the window as it changes: for chart options
 * whose cell text cannot fit a phone (the heatmap's status words), which ECharts cannot shorten itself.
 */
export function useNarrow(maxWidth = 600) {
  const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(`(max-width: ${maxWidth}px)`) : null
  const narrow = ref(query?.matches ?? false)
  const onChange = (e: MediaQueryListEvent) => (narrow.value = e.matches)
  query?.addEventListener('change', onChange)
  onBeforeUnmount(() => query?.removeEventListener('change', onChange))
  return narrow
}
