import type { Cells } from './apply-figures'
import type { Rng } from './prng'
import type { DemoUnit } from './roster'

/** The sentence every generated report carries, so no reader mistakes it for a real one. */
export const SYNTHETIC_NOTICE = '（本报告为程序生成的示例数据，非真实政府报告。）'

/** The prose of sections 一, 五, 六 (plain text; paragraphs split by \n). The renderer writes the preamble. */
export interface DemoProse {
  overview: string
  problems: string
  other: string
}

const n = (cells: Cells, key: string) => cells[key] ?? 0

/** Everything the prose needs to know about one report. */
export interface ProseInput {
  unit: DemoUnit
  year: number
  cells: Cells
}

export function buildProse(rng: Rng, input: ProseInput): DemoProse {
  return {
    overview: overview(rng, input),
    problems: problems(rng, input),
    other: other(input),
  }
}

/** Section 一: counts quoted from the tables, so the narrative never contradicts them (rule A11). */
function overview(rng: Rng, { unit, year, cells }: ProseInput): string {
  const me = unit.self
  const received = n(cells, 'apply.new.total')
  const carried = n(cells, 'apply.carried_over.total')
  const decided = n(cells, 'apply.result.total.total')
  const forward = n(cells, 'apply.carry_forward.total')
  const granted = n(cells, 'apply.result.granted.total') + n(cells, 'apply.result.partial.total')
  const reviews = n(cells, 'review.total')
  const suits = n(cells, 'litigation.direct.total') + n(cells, 'litigation.after_review.total')
  const issued = n(cells, 'active.normative.issued') + n(cells, 'active.normative.new_published')

  const applications =
    received + carried === 0
      ? `${year}年，${me}未收到政府信息公开申请，无上年结转申请。`
      : `${year}年，${me}新收政府信息公开申请${received}件，上年结转${carried}件，办结${decided}件，其中予以公开或部分公开${granted}件，结转下年度继续办理${forward}件。` +
        `对每件申请均严格按照法定时限和程序答复，并注重与申请人沟通。`
  const appeals =
    reviews + suits === 0
      ? `全年未发生因政府信息公开引起的行政复议、行政诉讼案件。`
      : `全年因政府信息公开工作被申请行政复议${reviews}件、被提起行政诉讼${suits}件，${me}认真做好答复和应诉工作。`
  const active = `全年通过政府网站发布各类信息${rng.int(12, 260)}条${issued > 0 ? `，主动公开规范性文件${issued}件` : ''}。`

  return [
    SYNTHETIC_NOTICE,
    `${year}年，${me}坚持以公开为常态、不公开为例外，${rng.pick(GENERAL)}`,
    `（一）主动公开情况。${active}${rng.pick(ACTIVE)}`,
    `（二）依申请公开情况。${applications}`,
    `（三）政府信息管理情况。${rng.pick(MANAGEMENT)}`,
    `（四）平台建设情况。${rng.pick(PLATFORM)}`,
    `（五）监督保障情况。${rng.pick(OVERSIGHT)}${appeals}`,
  ].join('\n')
}

function problems(rng: Rng, { unit, year }: ProseInput): string {
  return [
    `${year}年，${unit.self}政府信息公开工作取得一定成效，但仍存在${rng.pick(WEAKNESSES)}等问题。`,
    `${year + 1}年，${unit.self}将${rng.pick(IMPROVEMENTS)}`,
  ].join('\n')
}

/** Section 六: 信息处理费 is a separate matter from section 二's 行政事业性收费, and demo units charge none. */
function other({ unit, year }: ProseInput): string {
  return `${year}年${unit.self}未收取信息处理费。`
}

const GENERAL = [
  '统筹做好信息管理、政策解读、回应关切、平台建设等各项工作，推动政府信息公开工作提质增效。',
  '围绕中心工作，规范公开流程，不断提升政务公开的标准化、规范化水平。',
  '严格落实政务公开各项工作要求，政府信息公开工作平稳有序开展。',
  '把政务公开作为转变作风、服务群众的重要抓手，认真落实年度政务公开工作要点。',
  '结合本单位职责，明确分管领导和工作人员，扎实推进各项公开任务。',
]
const ACTIVE = [
  '通过区政府网站信息公开平台及时发布工作动态、通知公告和政策文件，做到应公开尽公开。',
  '围绕群众关心关注的事项，及时公开相关信息，并做好政策解读工作。',
  '按照政府信息公开指南和目录要求，持续更新法定主动公开内容。',
  '重点公开财政预决算、惠民政策和重大项目等信息，方便群众查阅。',
]
const MANAGEMENT = [
  '严格落实信息发布审查制度，坚持先审查、后公开，确保公开信息准确规范。',
  '建立信息公开台账，定期梳理已公开信息，及时更新失效内容。',
  '落实保密审查责任，明确专人负责信息审核与发布。',
  '对照公开目录逐项核对，对过时信息进行清理和归档。',
]
const PLATFORM = [
  '依托区政府门户网站开展信息公开，及时维护栏目内容。',
  '充分利用政府网站和政务新媒体发布信息，拓宽公开渠道。',
  '规范政府网站信息公开专栏建设，提升栏目的可用性和查阅便利性。',
  '在办事大厅设置政府信息查阅点，方便群众现场查阅。',
]
const OVERSIGHT = [
  '将政务公开工作纳入年度目标考核，明确责任分工。',
  '加强政务公开业务培训，提升工作人员业务能力。',
  '主动接受社会监督，认真对待群众意见建议。',
  '定期开展自查，对发现的问题及时整改。',
]
const WEAKNESSES = [
  '信息公开的及时性有待提高、政策解读形式较为单一',
  '工作人员业务水平有待提升、公开内容不够全面',
  '公开栏目更新不够及时、回应关切的主动性不足',
  '基层公开工作力量薄弱、信息发布审核流程不够精细',
]
const IMPROVEMENTS = [
  '进一步规范信息发布流程，丰富政策解读形式，提高信息公开的时效性。',
  '加强业务培训，完善工作机制，确保法定主动公开内容全面准确。',
  '持续做好依申请公开工作，加大主动公开力度，不断提升群众满意度。',
  '健全信息发布审核机制，及时更新公开栏目，增强回应关切的主动性。',
]
