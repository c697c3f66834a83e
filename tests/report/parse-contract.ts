/**
 * A validator for the `parse` JSON contract (docs/parse-contract.md): the shape every
 * ParseResult must keep whatever the input. Shape via JSON Schema (ajv), key membership via the
 * format model. Returns a list of problems, empty when the result is valid.
 */
import Ajv from 'ajv'
import { FORMATS, keysOf } from '~/report/model'
import type { ParseOutcome } from '~/report/types'

const nullable = (type: string) => ({ type: [type, 'null'] })
const formatEnum = { enum: ['gov2021', 'gov2019', 'legacy', 'unknown'] }

const resultSchema = {
  type: 'object',
  required: ['meta', 'cells', 'findings'],
  properties: {
    meta: {
      type: 'object',
      required: ['unit', 'year', 'format', 'format_claimed', 'file', 'rendering', 'encoding', 'traditional', 'sections_found'],
      properties: {
        unit: { type: ['string', 'null'], minLength: 1 },
        year: nullable('integer'),
        format: formatEnum,
        format_claimed: { enum: ['gov2021', 'gov2019', null] },
        format_sections: {
          type: 'object',
          required: ['active', 'apply'],
          properties: { active: formatEnum, apply: formatEnum },
        },
        period_year: nullable('integer'),
        file: { type: 'string' },
        rendering: { enum: ['docx-text', 'lines', 'pipe', 'html', 'docx', 'pdf-text', 'pdf', 'glued', 'none'] },
        source_url: nullable('string'),
        published_at: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        encoding: { type: 'string', minLength: 1 },
        traditional: { type: 'boolean' },
        sections_found: { type: 'array', items: { type: 'string', pattern: '^sec\\.' } },
      },
    },
    cells: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rule', 'level', 'cells', 'message', 'message_en'],
        properties: {
          rule: { type: 'string', minLength: 1 },
          level: { enum: ['error', 'warn', 'info'] },
          cells: { type: 'array', items: { type: 'string', minLength: 1 } },
          message: { type: 'string', minLength: 1 },
          message_en: { type: 'string', minLength: 1 },
        },
      },
    },
  },
}

const ajv = new Ajv({ allErrors: true, strict: false })
const validateShape = ajv.compile(resultSchema)
const KEYS = Object.fromEntries(FORMATS.map((f) => [f, new Set(keysOf(f))]))
const ANY_KEY = new Set(FORMATS.flatMap((f) => keysOf(f)))

/** Problems with one parseReport outcome for `fileName`; [] when it honours the contract. */
export function contractProblems(outcome: ParseOutcome, fileName: string): string[] {
  if (!outcome.ok) {
    const problems: string[] = []
    if (typeof outcome.error !== 'string' || !outcome.error.startsWith(fileName)) problems.push(`error does not name the file: ${outcome.error}`)
    if (typeof outcome.error_en !== 'string' || outcome.error_en.length === 0) problems.push('error_en missing')
    if (/解析失败|parse failed/.test(`${outcome.error} ${outcome.error_en}`)) problems.push(`internal error caught: ${outcome.error_en}`)
    if (/\n/.test(outcome.error)) problems.push('error is not one line')
    return problems
  }
  const report = outcome.report
  // What the CLI prints is JSON: the result must survive a round trip (no NaN, Infinity, undefined).
  const json = JSON.parse(JSON.stringify(report)) as unknown
  if (!validateShape(json)) return (validateShape.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
  const problems: string[] = []
  if (report.meta.file !== fileName) problems.push(`meta.file ${report.meta.file} ≠ ${fileName}`)
  for (const [key, value] of Object.entries(report.cells)) {
    if (!ANY_KEY.has(key)) problems.push(`unknown cell key ${key}`)
    if (typeof value === 'number' && !Number.isFinite(value)) problems.push(`cell ${key} is ${value}`)
  }
  const { format, format_sections: sections } = report.meta
  const f = FORMATS.find((id) => id === format)
  if (f && sections.active === f && sections.apply === f) {
    for (const key of Object.keys(report.cells)) if (!KEYS[f]!.has(key)) problems.push(`${key} is not a ${f} key`)
  }
  return problems
}
