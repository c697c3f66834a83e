/** 缺报与异常 page. */
export default {
  zh: {
    coverage: {
      title: '缺报与异常',
      intro: '每个应报单位每年的报告状态，以及所有报告的校验发现。点击单元格或发现可打开单位年报。',
      grid: '报告覆盖（单位 × 年度）',
      byYear: '各年度缺报数',
      byYearTable: '各年度报告状态',
      status: { received: '已收到', missing: '缺报', duplicate: '重复', not_expected: '不应报' },
      unit: '单位', kind: '类型', year: '年度', expected: '应报', missingCount: '缺报',
      findings: '校验发现',
      filter: { rule: '规则', level: '级别', unit: '单位', year: '年度', all: '全部', reset: '清除筛选' },
      limited: '仅显示前 {n} 条，请用筛选缩小范围。',
      col: { level: '级别', rule: '规则', title: '规则说明', unit: '单位', year: '年度', message: '说明', expected: '应为', actual: '实为', assumedZero: '空白记零', cells: '单元格' },
      yes: '是',
    },
  },
  en: {
    coverage: {
      title: 'Coverage & anomalies',
      intro: 'Report status of every expected unit per year, and the findings of every report. Click a cell or a finding to open the unit report.',
      grid: 'Report coverage (unit × year)',
      byYear: 'Missing reports per year',
      byYearTable: 'Report status per year',
      status: { received: 'Received', missing: 'Missing', duplicate: 'Duplicate', not_expected: 'Not expected' },
      unit: 'Unit', kind: 'Kind', year: 'Year', expected: 'Expected', missingCount: 'Missing',
      findings: 'Findings',
      filter: { rule: 'Rule', level: 'Level', unit: 'Unit', year: 'Year', all: 'All', reset: 'Clear filters' },
      limited: 'Showing the first {n} only; narrow the filters.',
      col: { level: 'Level', rule: 'Rule', title: 'Rule', unit: 'Unit', year: 'Year', message: 'Message', expected: 'Expected', actual: 'Actual', assumedZero: 'Blank as 0', cells: 'Cells' },
      yes: 'yes',
    },
  },
}
