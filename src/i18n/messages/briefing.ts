/** 区情简报: the one-page district briefing (key figures, needs-attention list, top charts, source). */
export default {
  zh: {
    briefing: {
      title: '区情简报',
      open: '简报（一页）',
      heading: '{district} · {year} 年政府信息公开工作简报',
      print: '打印 / 保存为 PDF',
      synthetic: '示例数据：本区为程序生成的虚构数据，数字不代表任何真实单位。',
      figures: '主要指标',
      top: '本年新收申请最多的 {n} 个单位 · {year}',
      noValue: '无数值',
      source: '数据来源',
      sourceLine: '{publisher}；许可 {license}。',
      dataDate: '数据日期：{reports} 份报告，最近发布于 {date}。',
      dataDateNone: '数据日期：{reports} 份报告（发布日期不明）。',
      openData: '开放数据与数据字典',
      printed: '本页地址：',
    },
  },
  en: {
    briefing: {
      title: 'District briefing',
      open: 'Briefing (one page)',
      heading: '{district} · disclosure briefing {year}',
      print: 'Print / save as PDF',
      synthetic: 'Demo data: this district is generated and fictional; its numbers describe no real unit.',
      figures: 'Key figures',
      top: 'Top {n} units by new applications · {year}',
      noValue: 'no value',
      source: 'Source',
      sourceLine: '{publisher}; license {license}.',
      dataDate: 'Data as of: {reports} reports, latest published {date}.',
      dataDateNone: 'Data as of: {reports} reports (publication dates unknown).',
      openData: 'Open data and data dictionary',
      printed: 'This page: ',
    },
  },
}
