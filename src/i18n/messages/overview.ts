/** The 总览 Overview view. */
export default {
  zh: {
    overview: {
      kpiTitle: '{year} 年主要指标',
      trend: '本年新收申请 · 按申请人类型',
      outcomes: '办理结果构成',
      coverage: '基于 {received}/{expected} 份报告（应报 {expected} 个单位，已收 {received} 份）',
      basis: '基于 {received}/{expected} 份报告',
      likeForLike: '较上年变化按同口径计算：仅比较 {prev} 年与 {year} 年都有报告的 {units} 个单位',
      suppressed: '{year} 年仅收到 {received}/{expected} 份报告，不足 {threshold}：全区合计主要反映缺失而非全区情况，因此不显示。各单位的数字见“单位对比”和单位页。',
      noReports: '{year} 年未收到任何报告（0/{expected}），没有可显示的数字。',
      legend: { good: '绿色：向好（如公开率上升、纠错率下降）', bad: '红色：变差', neutral: '灰色：数量变化，不分好坏', like: '变化按同口径（两年都有报告的单位）计算' },
      crossfilter: '已选年度 {year}',
      noData: '该范围内没有报告',
    },
  },
  en: {
    overview: {
      kpiTitle: 'Key figures {year}',
      trend: 'New applications by applicant type',
      outcomes: 'Outcome mix',
      coverage: 'Based on {received}/{expected} reports ({expected} units expected, {received} received)',
      basis: 'based on {received}/{expected} reports',
      likeForLike: 'Changes are like for like: only the {units} units with a report in both {prev} and {year}',
      suppressed: 'Only {received} of {expected} reports received for {year}, below {threshold}: a district total would mostly reflect what is missing, so it is not shown. See Compare and the unit pages for each unit’s figures.',
      noReports: 'No report received for {year} (0/{expected}): there are no figures to show.',
      legend: { good: 'green: better (e.g. granted share up, correction rate down)', bad: 'red: worse', neutral: 'grey: a volume, neither better nor worse', like: 'changes compare the units with a report in both years' },
      crossfilter: 'Selected year {year}',
      noData: 'No reports in this scope',
    },
  },
}
