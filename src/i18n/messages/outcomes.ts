/** 办理结果 (Outcomes) view. */
export default {
  zh: {
    outcomes: {
      intro: '依申请公开的办理结果（第三部分“三、本年度办理结果”）按单位和年度堆叠，可切换为百分比堆叠或查看某一结果下的具体理由；桑基图展示各类申请人的申请流向哪种结果。',
      byUnit: '各单位办理结果 · {year}',
      byYear: '各年度办理结果 · {unit}',
      sankey: '申请人类型 → 办理结果 · {scope}',
      mode: { count: '件数', share: '百分比' },
      level: '结果分组',
      groups: '六类结果',
      reasonsOf: '理由：{group}',
      valueCount: '件',
      valueShare: '占比',
      allUnits: '全部单位',
      note2019: '2019 年格式的“（六）其他处理”为单行，2021 年格式拆分为三项；查看理由时分列显示，不合并。',
      table: '办理结果明细',
      col: { dim: '单位/年度', group: '结果分组', reason: '理由', value: '件数' },
    },
  },
  en: {
    outcomes: {
      intro: 'Outcomes of disclosure applications (section III, "outcomes this year") stacked by unit and by year; switch to 100 % stacks or to the reasons inside one outcome group. The sankey shows which outcomes each applicant type received.',
      byUnit: 'Outcomes by unit · {year}',
      byYear: 'Outcomes by year · {unit}',
      sankey: 'Applicant type → outcome · {scope}',
      mode: { count: 'Counts', share: '100 %' },
      level: 'Outcome group',
      groups: 'Six groups',
      reasonsOf: 'Reasons: {group}',
      valueCount: 'applications',
      valueShare: 'share',
      allUnits: 'all units',
      note2019: 'In the 2019 format "(6) Other handling" is one row; the 2021 format splits it into three. The reasons view keeps them apart.',
      table: 'Outcome details',
      col: { dim: 'Unit / year', group: 'Outcome group', reason: 'Reason', value: 'Applications' },
    },
  },
}
