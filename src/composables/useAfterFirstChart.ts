import { ref, type Ref } from 'vue'
import { afterFirstChart } from '~/charts/first-chart'

/**
 * True once this component may draw its heavy part: at once, unless the app is holding
 * below-the-fold work until the page's first chart is drawn (src/charts/first-chart.ts), or
 * `eager` (the component is the page's main content).
 */
export function useAfterFirstChart(eager = false): Ref<boolean> {
  const held = eager ? null : afterFirstChart()
  const ready = ref(held === null)
  void held?.then(() => (ready.value = true))
  return ready
}
