/**
 * A small seeded pseudo-random generator and the draws the demo needs. Deterministic by design:
 * the committed demo data must be byte-identical when regenerated with the same seed, so nothing
 * here may touch Math.random, the clock or the environment.
 */

/** mulberry32: a 32-bit state PRNG; plenty for synthetic figures and fast enough for 10,000 reports. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Seeded random draws. Every method consumes the stream in a fixed order, so call order matters. */
export class Rng {
  private readonly next: () => number

  constructor(seed: number) {
    this.next = mulberry32(seed)
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next()
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next()
  }

  /** Integer uniform in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  /** k distinct elements of a list, in a random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = [...items]
    const out: T[] = []
    while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!)
    return out
  }

  /** Poisson count with the given mean (Knuth below 30, a rounded normal above, where it is accurate enough). */
  poisson(mean: number): number {
    if (mean <= 0) return 0
    if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()))
    const limit = Math.exp(-mean)
    let k = 0
    let p = this.next()
    while (p > limit) {
      k++
      p *= this.next()
    }
    return k
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next()
    const v = this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** Log-normal multiplier around 1 with the given spread (year-to-year wobble of a unit's figures). */
  wobble(spread: number): number {
    return Math.exp(spread * this.normal() - (spread * spread) / 2)
  }

  /**
   * Split n items over categories in proportion to `weights` (a multinomial draw): each item
   * lands in one category, so the parts always add up to n.
   */
  split(n: number, weights: readonly number[]): number[] {
    const parts = weights.map(() => 0)
    let rest = n
    let restWeight = weights.reduce((a, w) => a + w, 0)
    for (let i = 0; i < weights.length && rest > 0; i++) {
      const w = weights[i]!
      if (i === weights.length - 1 || restWeight <= 0) {
        parts[i] = rest
        break
      }
      const take = this.binomial(rest, w / restWeight)
      parts[i] = take
      rest -= take
      restWeight -= w
    }
    return parts
  }

  /** Binomial count: exact for small n, a clamped rounded normal for large n. */
  binomial(n: number, p: number): number {
    if (p <= 0 || n <= 0) return 0
    if (p >= 1) return n
    if (n <= 60) {
      let k = 0
      for (let i = 0; i < n; i++) if (this.next() < p) k++
      return k
    }
    const mean = n * p
    const sd = Math.sqrt(mean * (1 - p))
    return Math.min(n, Math.max(0, Math.round(mean + sd * this.normal())))
  }
}
