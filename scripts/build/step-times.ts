/**
 * Wall time per build step, for the build's `time:` line: the write phase is most of a large build,
 * and its steps (district databases, gov.duckdb, open files, prebuilt results, …) differ by orders
 * of magnitude, so the line names each one.
 */
export class StepTimes {
  private readonly ms = new Map<string, number>()

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
  }

  /** `a 1.2 s, b 0.3 s` in the order the steps first ran. */
  line(): string {
    return [...this.ms].map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')
  }
}
