import { strToU8, zipSync } from 'fflate'
import type { DocBlock } from './document'
import { placeRows, type RowSlot } from './grid'
import type { ReportRecord } from './types'

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

/**
 * A fixed timestamp for every zip entry. Built from local date parts because zip (DOS) times are
 * local: the same bytes come out in every time zone.
 */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0)

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>'

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>'

const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
  .join('')

/** Escapes text for XML character data and attribute values. */
function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function paragraph(text: string, style?: { bold?: boolean; center?: boolean; size?: number }): string {
  const ppr = style?.center ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ''
  const rpr = style?.bold || style?.size ? `<w:rPr>${style.bold ? '<w:b/>' : ''}${style.size ? `<w:sz w:val="${style.size}"/>` : ''}</w:rPr>` : ''
  const run = text === '' ? '' : `<w:r>${rpr}<w:t xml:space="preserve">${xml(text)}</w:t></w:r>`
  return `<w:p>${ppr}${run}</w:p>`
}

/** One table cell: gridSpan for a column span, vMerge restart/continue for a row span. */
function cellXml(slot: RowSlot): string {
  const placed = slot.kind === 'cell' ? slot.placed : slot.from
  const { colspan, rowspan } = placed.cell
  const props =
    (colspan > 1 ? `<w:gridSpan w:val="${colspan}"/>` : '') +
    (rowspan > 1 ? (slot.kind === 'cell' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '')
  const paras = slot.kind === 'cell' ? placed.lines.map((l) => paragraph(l, { center: placed.isValue })).join('') : paragraph('')
  return `<w:tc><w:tcPr>${props}</w:tcPr>${paras}</w:tc>`
}

function tableXml(rows: RowSlot[][], columns: number): string {
  const grid = `<w:tblGrid>${'<w:gridCol w:w="800"/>'.repeat(columns)}</w:tblGrid>`
  const trs = rows.map((slots) => `<w:tr>${slots.map(cellXml).join('')}</w:tr>`).join('')
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${BORDERS}</w:tblBorders></w:tblPr>${grid}${trs}</w:tbl>`
}

/** word/document.xml for the report blocks. */
export function documentXml(rec: ReportRecord, blocks: DocBlock[]): string {
  const body = blocks.map((b) => {
    if (b.kind === 'title') return paragraph(b.text, { bold: true, center: true, size: 36 })
    if (b.kind === 'heading') return paragraph(b.text, { bold: true })
    if (b.kind === 'para') return paragraph(b.text)
    // An empty paragraph after each table keeps Word from joining it with the next block.
    return tableXml(placeRows(b.table, rec.cells), b.table.columns) + paragraph('')
  })
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}"><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`
}

/**
 * A real .docx (Office Open XML zip: [Content_Types].xml, _rels/.rels, word/document.xml with
 * w:tbl, w:gridSpan and w:vMerge). Deterministic: same record → same bytes (fixed entry times).
 */
export function renderDocx(rec: ReportRecord, blocks: DocBlock[]): Uint8Array {
  const entry = (text: string): [Uint8Array, { mtime: Date }] => [strToU8(text), { mtime: FIXED_MTIME }]
  return zipSync(
    {
      '[Content_Types].xml': entry(CONTENT_TYPES),
      '_rels/.rels': entry(ROOT_RELS),
      'word/document.xml': entry(documentXml(rec, blocks)),
    },
    { level: 6, mtime: FIXED_MTIME },
  )
}
