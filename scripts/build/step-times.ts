/**
 * Wall time per build step, for the build's `time:` line: the write phase is most of a large build,
 * and its steps (district databases, gov.duckdb, open files, prebuilt results, …) differ by orders
 * of magnitude, so the line names each one.
 */
export class StepTimes {
  private readonly ms = new Map<string, number>()
  /** The process's peak resident set (kB) when it last grew, and the step it grew in: where memory goes. */
  private peak = { kb: 0, step: '' }

  /** Run `fn` and add its wall time to `step`. */
  async time<T>(step: string, fn: () => Promise<T> | T): Promise<T> {
    const t = performance.now()
    try {
      return await fn()
    } finally {
      this.add(step, performance.now() - t)
    }
  }

  add(step: string, ms: number): void {
    this.ms.set(step, (this.ms.get(step) ?? 0) + ms)
    const kb = process.resourceUsage().maxRSS
    if (kb > this.peak.kb) this.peak = { kb, step }
  }

  /** `a 1.2 s, b 0.3 s; peak RSS 812 MB, reached in b` (steps in the order they first ran). */
  line(): string {
    const steps = [...this.ms].map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')
    return this.peak.step ? `${steps}; peak RSS ${Math.round((this.peak.kb * 1024) / 1e6)} MB, reached in ${this.peak.step}` : steps
  }
}
