import type { Finding } from './types'
import { SECTION_TITLES } from './model/labels'

type Scope = NonNullable<Finding['section']>

/**
 * Builds a finding whose messages start with the printed section title, e.g.
 * "三、收到和处理政府信息公开申请情况 · 自然人列：一+二=5，三(七)+四=4（A1）".
 */
export function finding(
  rule: string,
  level: Finding['level'],
  section: Scope,
  body: { zh: string; en: string },
  extra: Partial<Pick<Finding, 'cells' | 'expected' | 'actual' | 'assumed_zero' | 'detail'>> = {},
): Finding {
  const title = SECTION_TITLES[section]
  return {
    rule,
    level,
    cells: extra.cells ?? [],
    message: `${title.zh} · ${body.zh}（${rule}）`,
    message_en: `${title.en} · ${body.en} (${rule})`,
    ...(extra.expected !== undefined ? { expected: extra.expected } : {}),
    ...(extra.actual !== undefined ? { actual: extra.actual } : {}),
    assumed_zero: extra.assumed_zero ?? false,
    section,
    ...(extra.detail !== undefined ? { detail: extra.detail } : {}),
  }
}
