import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { metricEntries } from '~/components/data/dictionary'
import { cellDef } from '~/report/model'
import { cellMetric, metricDef, METRICS } from '~/report/metrics'

const ROOT = join(import.meta.dirname, '../..')

/** Issue 10 item 14: every derived metric says in words what it counts and which cells it reads, once. */
describe('metric definitions', () => {
  it('every metric has a Chinese and an English definition', () => {
    for (const m of METRICS) {
      expect(m.definition.zh.length, m.key).toBeGreaterThan(15)
      expect(m.definition.en.length, m.key).toBeGreaterThan(30)
    }
  })

  it('公开率, 纠错率, 办结 and 结转 name the printed rows and columns they read', () => {
    expect(metricDef('granted_share')!.definition.zh).toMatch(/予以公开.*部分公开.*÷.*（七）总计/)
    expect(metricDef('correction_rate')!.definition.zh).toMatch(/结果纠正.*÷.*总计.*尚未审结/)
    expect(metricDef('decided')!.definition.zh).toContain('（七）总计')
    expect(metricDef('carry_forward')!.definition.zh).toContain('结转下年度继续办理')
    expect(metricDef('carried_over')!.definition.zh).toContain('上年结转')
    expect(metricDef('correction_rate')!.definition.en).toContain('Pending')
  })

  it('a single cell ranked as a metric is defined by its printed label', () => {
    expect(cellMetric(cellDef('review.corrected')!).definition.zh).toContain('行政复议 · 结果纠正')
  })

  it('the open-data dictionary and docs/data-dictionary.md show the same definitions', () => {
    const entries = metricEntries()
    const docs = readFileSync(join(ROOT, 'docs/data-dictionary.md'), 'utf8')
    for (const m of METRICS) {
      const e = entries.find((x) => x.key === m.key)!
      expect(e.definition_zh).toBe(m.definition.zh)
      expect(e.definition_en).toBe(m.definition.en)
      expect(docs).toContain(m.definition.zh)
      expect(docs).toContain(m.definition.en)
    }
  })
})
