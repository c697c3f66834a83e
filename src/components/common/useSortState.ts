import { ref, type Ref } from 'vue'

/**
 * The sort state of a table with sortable column headers: the column, the direction, the click on
 * a header (a new column starts largest first — names and ranks smallest first, the ones listed in
 * `ascendingFirst` — and a second click reverses it) and each header's aria-sort.
 */
export function useSortState<K extends string>(initial: K | null, ascendingFirst: readonly K[] = []) {
  const key = ref(initial) as Ref<K | null>
  const desc = ref(initial !== null && !ascendingFirst.includes(initial))
  function sortBy(k: K): void {
    if (key.value === k) desc.value = !desc.value
    else {
      key.value = k
      desc.value = !ascendingFirst.includes(k)
    }
  }
  const ariaSort = (k: K): 'ascending' | 'descending' | undefined => (key.value === k ? (desc.value ? 'descending' : 'ascending') : undefined)
  return { key, desc, sortBy, ariaSort }
}

/**
 * Two cells of a sorted column: numbers by size, text by `text`, reversed when `desc`; a cell
 * without a value after every value whichever the direction; 0 for two empty cells or a tie, so
 * the caller's own tie-break (registry order) decides.
 */
export function compareCells(x: number | string | null, y: number | string | null, desc: boolean, text: (a: string, b: string) => number): number {
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
  const c = typeof x === 'string' || typeof y === 'string' ? text(String(x), String(y)) : x - y
  return c !== 0 && desc ? -c : c
}
