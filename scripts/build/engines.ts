import { parseReportAsync } from '~/report/read'
import type { BuildEngines } from './types'

/** The real parser (src/report/parse). */
export const defaultEngines: BuildEngines = { parse: parseReportAsync }
