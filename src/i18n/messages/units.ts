/** Units directory and the header's unit search. */
export default {
  zh: {
    common: { unitSearch: '查找单位（名称/别名/拼音首字母）' },
    units: {
      title: '单位目录',
      intro: '本区登记表中的全部单位（按类型与代码排列），以及每个单位的收录进度。点击单位打开其年报。',
      filter: '筛选',
      col: { unit: '单位', kind: '类型', code: '代码', aliases: '别名', collected: '收录', notPublished: '未发布', latest: '最近年报' },
      open: '打开单位年报',
    },
  },
  en: {
    common: { unitSearch: 'Find a unit (name, alias, pinyin initials)' },
    units: {
      title: 'Units',
      intro: 'Every unit in the district’s registry (by kind and code) with how many of its reports we hold. Click a unit to open its reports.',
      filter: 'Filter',
      col: { unit: 'Unit', kind: 'Kind', code: 'Code', aliases: 'Aliases', collected: 'Collected', notPublished: 'Not published', latest: 'Latest report' },
      open: 'Open unit report',
    },
  },
}
