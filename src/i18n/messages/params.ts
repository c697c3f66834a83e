/** Notices about URL parameters that did not fit the data and were corrected (shell). */
export default {
  zh: {
    params: {
      district: '链接中的区县“{given}”不存在，已改为显示 {now}。',
      year: '{given} 年不在本区的年度范围内，已改为显示 {now} 年。',
      yearDropped: '{given} 年不在本区的年度范围内，已忽略。',
      from: '起始年度 {given} 不在本区的年度范围内，已忽略。',
      to: '终止年度 {given} 不在本区的年度范围内，已忽略。',
      x_year: '所选年度 {given} 不在本区的年度范围内，已忽略。',
      metric: '链接中的指标“{given}”不存在，已改为默认指标。',
      unit: '本区没有单位“{given}”，已从筛选中移除。',
      dismiss: '知道了',
    },
  },
  en: {
    params: {
      district: 'The link names a district “{given}” that does not exist; showing {now} instead.',
      year: '{given} is outside this district’s years; showing {now} instead.',
      yearDropped: '{given} is outside this district’s years and was ignored.',
      from: 'Start year {given} is outside this district’s years and was ignored.',
      to: 'End year {given} is outside this district’s years and was ignored.',
      x_year: 'Selected year {given} is outside this district’s years and was ignored.',
      metric: 'The link names a metric “{given}” that does not exist; showing the default metric.',
      unit: 'This district has no unit “{given}”; it was removed from the filters.',
      dismiss: 'OK',
    },
  },
}
