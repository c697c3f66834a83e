/**
 * Derive an independent seed per concern (roster, volumes, faults, one per report's prose) from the
 * district seed, so a change in how one concern draws numbers does not reshuffle all the others.
 * FNV-1a over the label, mixed with the seed.
 */
export function subSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}
