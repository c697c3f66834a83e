/** Shell, filters, engine status and shared components. */
export default {
  zh: {
    common: {
      appTitle: '政务公开年报看板',
      nav: {
        overview: '总览', compare: '单位对比', outcomes: '办理结果', appeal: '复议诉讼', active: '主动公开',
        unit: '单位', coverage: '收录与异常', data: '开放数据', check: '草稿检查', myReports: '我的报告',
      },
      district: '区县', year: '年度', years: '年度范围', kinds: '单位类型', units: '单位', allKinds: '全部类型',
      engine: { idle: '分析引擎未启动', loading: '正在加载分析引擎', ready: '分析引擎就绪', error: '分析引擎加载失败', retry: '重试' },
      enginePhase: { engine: '引擎', data: '数据', views: '建立视图' },
      synthetic: '示例数据：本区为程序生成的合成数据，非真实报告',
      savePng: '保存图片',
      chartLoadFailed: '图表组件下载失败，请检查网络后重试',
      downloadCsv: '下载 CSV',
      error: { title: '查询失败', showSql: '查看 SQL', retry: '重试' },
      loading: '加载中…',
      waitingEngine: '等待分析引擎…',
      empty: '暂无数据',
      crossfilter: '已选', clear: '清除',
      language: 'English',
      summaryError: '无法加载数据摘要',
    },
  },
  en: {
    common: {
      appTitle: 'Government Disclosure Annual Reports',
      nav: {
        overview: 'Overview', compare: 'Compare', outcomes: 'Outcomes', appeal: 'Review & litigation', active: 'Proactive',
        unit: 'Unit', coverage: 'Coverage & anomalies', data: 'Open data', check: 'Draft check', myReports: 'My reports',
      },
      district: 'District', year: 'Year', years: 'Years', kinds: 'Unit kinds', units: 'Units', allKinds: 'All kinds',
      engine: { idle: 'Engine not started', loading: 'Loading the analysis engine', ready: 'Engine ready', error: 'Engine failed to load', retry: 'Retry' },
      enginePhase: { engine: 'engine', data: 'data', views: 'views' },
      synthetic: 'Demo data: this district is generated, not real reports',
      savePng: 'Save PNG',
      chartLoadFailed: 'The chart component could not be downloaded; check the connection and retry',
      downloadCsv: 'Download CSV',
      error: { title: 'Query failed', showSql: 'Show SQL', retry: 'Retry' },
      loading: 'Loading…',
      waitingEngine: 'Waiting for the engine…',
      empty: 'No data',
      crossfilter: 'Selected', clear: 'Clear',
      language: '中文',
      summaryError: 'Could not load the data summary',
    },
  },
}
