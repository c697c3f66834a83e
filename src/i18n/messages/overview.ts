/** The 总览 Overview view. */
export default {
  zh: {
    overview: {
      kpiTitle: '{year} 年主要指标',
      trend: '本年新收申请 · 按申请人类型',
      outcomes: '办理结果构成',
      coverage: '报告收齐情况：应报 {expected} 个单位，已收 {received} 份',
      crossfilter: '已选年度 {year}',
      noData: '该范围内没有报告',
    },
  },
  en: {
    overview: {
      kpiTitle: 'Key figures {year}',
      trend: 'New applications by applicant type',
      outcomes: 'Outcome mix',
      coverage: 'Reports received: {received} of {expected} units expected',
      crossfilter: 'Selected year {year}',
      noData: 'No reports in this scope',
    },
  },
}
