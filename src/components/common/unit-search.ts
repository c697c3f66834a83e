/**
 * Finding a unit by what people type: part of its name or of an alias (白奎, 白奎镇人民政府), or the
 * pinyin initials of either (bkz). Initials come from pinyin-pro, loaded on first use so the
 * dictionary never weighs on the first paint.
 */

/** A unit as the search sees it. */
export interface SearchEntry {
  unit: string
  aliases: readonly string[]
  /** Pinyin initials of the name and of each alias, lower case (empty until computed). */
  initials: readonly string[]
}

/** Pinyin initials of a Chinese name (`白奎镇` → `bkz`); other characters kept, lower-cased. */
export type InitialsOf = (text: string) => string

/** Load pinyin-pro and return the initials function (one dynamic import, cached by the bundler). */
export async function loadInitials(): Promise<InitialsOf> {
  const { pinyin } = await import('pinyin-pro')
  return (text) => pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase()
}

/** Search entries for units and their `|`-separated aliases, with initials when `initials` is given. */
export function searchEntries(units: readonly { unit: string; aliases?: string | null }[], initials?: InitialsOf): SearchEntry[] {
  return units.map((u) => {
    const aliases = (u.aliases ?? '').split('|').map((a) => a.trim()).filter(Boolean)
    return { unit: u.unit, aliases, initials: initials ? [u.unit, ...aliases].map(initials) : [] }
  })
}

/**
 * The entries matching `query`, best first: a name that starts with it, then a name or alias that
 * contains it, then pinyin initials that start with or contain it. An empty query matches all.
 */
export function searchUnits(entries: readonly SearchEntry[], query: string): SearchEntry[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...entries]
  const score = (e: SearchEntry): number => {
    if (e.unit.toLowerCase().startsWith(q)) return 0
    if (e.unit.toLowerCase().includes(q)) return 1
    if (e.aliases.some((a) => a.toLowerCase().includes(q))) return 2
    if (e.initials.some((i) => i.startsWith(q))) return 3
    if (e.initials.some((i) => i.includes(q))) return 4
    return -1
  }
  return entries
    .map((e, i) => ({ e, i, s: score(e) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.e)
}
