import { keysOf } from '~/report/model'
import type { FormatId } from '~/report/model/types'
import { renderReport, type RenderOptions, type RenderTarget, type ReportRecord } from '../../../scripts/demo/renderings'

/** The sample's values: every cell 0, the 四、结转下年度继续办理 row blank. */
export function sampleLikeCells(format: FormatId): Record<string, number | null> {
  return Object.fromEntries(keysOf(format).map((k) => [k, k.startsWith('apply.carry_forward.') ? null : 0]))
}

export function record(format: FormatId, over: Partial<ReportRecord> = {}): ReportRecord {
  return { unit: '呼兰区白奎镇', year: format === 'gov2021' ? 2021 : 2020, format, cells: sampleLikeCells(format), ...over }
}

export function text(rec: ReportRecord, target: RenderTarget, opts?: RenderOptions): string {
  return new TextDecoder().decode(renderReport(rec, target, opts))
}
