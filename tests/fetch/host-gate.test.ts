/** Politeness: never two requests at once to one host; other hosts are not held up by it. */
import { describe, expect, it } from 'vitest'
import { HostGate, sleep } from '../../scripts/fetch/http'

describe('HostGate', () => {
  it('runs one task at a time per host, in order, and lets another host through meanwhile', async () => {
    const gate = new HostGate(0)
    const running = new Map<string, number>()
    const peak = new Map<string, number>()
    const order: string[] = []
    const task = (host: string, name: string, ms: number) =>
      gate.run(`http://${host}/x`, async () => {
        running.set(host, (running.get(host) ?? 0) + 1)
        peak.set(host, Math.max(peak.get(host) ?? 0, running.get(host)!))
        order.push(`start ${name}`)
        await sleep(ms)
        order.push(`end ${name}`)
        running.set(host, running.get(host)! - 1)
        return name
      })
    const results = await Promise.all([task('a.example', 'a1', 30), task('a.example', 'a2', 1), task('b.example', 'b1', 1), task('a.example', 'a3', 1)])
    expect(results).toEqual(['a1', 'a2', 'b1', 'a3'])
    expect(peak.get('a.example')).toBe(1)
    // b1 started and ended while a1 was still running: hosts do not wait for each other.
    expect(order.indexOf('end b1')).toBeLessThan(order.indexOf('end a1'))
    expect(order.filter((o) => o.includes(' a'))).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3'])
  })

  it('a failing task does not block the next one', async () => {
    const gate = new HostGate(0)
    await expect(gate.run('http://a.example/', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await gate.run('http://a.example/', async () => 'next')).toBe('next')
  })
})
