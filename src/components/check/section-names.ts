import { SECTION_TITLES } from '~/report/model/labels'
import type { Label, SectionKey } from '~/report/model/types'

/**
 * The printed heading of each report section the parser can find, so the draft check says
 * “三、收到和处理政府信息公开申请情况” where the parser says `sec.apply`. Sections 二–四 come from the
 * format model; 一/五/六 are prose sections the model does not define.
 */
const SECTION_NAMES: Record<SectionKey, Label> = {
  'sec.overview': SECTION_TITLES.prose,
  'sec.active': SECTION_TITLES.active,
  'sec.apply': SECTION_TITLES.apply,
  'sec.appeal': SECTION_TITLES.appeal,
  'sec.problems': { zh: '五、存在的主要问题及改进情况', en: 'V. Main problems and improvements' },
  'sec.other': { zh: '六、其他需要报告的事项', en: 'VI. Other matters to report' },
}

/** The printed name of a parser section key (`sec.apply`) or a finding's section (`apply`, `meta`); unknown keys as they are. */
export function sectionName(key: string): Label {
  if (Object.hasOwn(SECTION_NAMES, key)) return SECTION_NAMES[key as SectionKey]
  if (Object.hasOwn(SECTION_TITLES, key)) return SECTION_TITLES[key as keyof typeof SECTION_TITLES]
  return { zh: key, en: key }
}
