/** 复议诉讼 (Review & litigation) view. */
export default {
  zh: {
    appeal: {
      intro: '因政府信息公开引发的行政复议、未经复议直接起诉和复议后起诉（第四部分），按结果（维持、纠正、其他、尚未审结）分列；纠错率 = 结果纠正 ÷ 已审结（总计减尚未审结）。',
      byYear: '各年度复议诉讼结果 · {unit}',
      byUnit: '各单位复议诉讼结果 · {year}',
      correction: '纠错率排名 · {year}',
      rate: '纠错率',
      corrected: '纠正',
      concluded: '审结',
      table: '纠错率明细',
      col: { unit: '单位', corrected: '结果纠正', concluded: '已审结', rate: '纠错率' },
      allUnits: '全部单位',
      unranked: '另有 {n} 个单位没有已审结的案件，未参与排名（见下表）。',
    },
  },
  en: {
    appeal: {
      intro: 'Administrative reviews, direct lawsuits and lawsuits after review about information disclosure (section IV), by result (upheld, corrected, other, pending). Correction rate = corrected ÷ concluded (total minus pending).',
      byYear: 'Review & litigation by year · {unit}',
      byUnit: 'Review & litigation by unit · {year}',
      correction: 'Correction rate ranking · {year}',
      rate: 'Correction rate',
      corrected: 'corrected',
      concluded: 'concluded',
      table: 'Correction rate details',
      col: { unit: 'Unit', corrected: 'Corrected', concluded: 'Concluded', rate: 'Rate' },
      allUnits: 'all units',
      unranked: '{n} more units had no concluded case and are not ranked (see the table).',
    },
  },
}
