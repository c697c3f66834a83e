import { describe, expect, it } from 'vitest'
import { looksTraditional, toSimplified } from '~/report/parse/traditional'

describe('toSimplified', () => {
  it('converts a traditional-script report heading and table labels', () => {
    const r = toSimplified('呼蘭區白奎鎮2021年政府信息公開工作年度報告\n行政規範性文件\t本年製發件數\n（三）不予公開\t1.屬於國家秘密')
    expect(r.converted).toBe(true)
    expect(r.text).toBe('呼兰区白奎镇2021年政府信息公开工作年度报告\n行政规范性文件\t本年制发件数\n（三）不予公开\t1.属于国家秘密')
  })

  it('leaves simplified text untouched and unconverted', () => {
    const text = '呼兰区白奎镇2021年政府信息公开工作年度报告\n二、主动公开政府信息情况'
    expect(toSimplified(text)).toEqual({ text, converted: false })
  })

  it('does not convert simplified text quoting a few traditional characters', () => {
    const text = '本年度收到申请，其中涉及“閻良區”的2件。'.repeat(3) + '二、主动公开政府信息情况'.repeat(20)
    expect(looksTraditional(text)).toBe(false)
    expect(toSimplified(text).converted).toBe(false)
  })
})
