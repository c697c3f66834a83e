import type { FormatId, Label, TableSection } from '../model/types'

/**
 * One printed cell of an official table, as a grid slot with its span.
 * - `caption`: 第二十条第（N）项, spanning the whole table width;
 * - `head`: a column header (信息内容, 本年制发件数, 申请人情况 …);
 * - `note`: the top-left block of section 三 carrying the 勾稽 note;
 * - `label`: a row label (规章, 一、本年新收…, （三）不予公开, 1.属于国家秘密 …);
 * - `value`: a number cell, identified by its cell key.
 */
export type LayoutCell =
  | { kind: 'caption' | 'head' | 'note' | 'label'; text: Label; rowspan: number; colspan: number }
  | { kind: 'value'; key: string; rowspan: number; colspan: number }

/** One printed table: rows of cells in print order, spans as in the official template. */
export interface LayoutTable {
  /** Stable id, e.g. `gov2021.apply`. */
  id: string
  section: TableSection
  /** Number of grid columns the table spans (for tests and CSS). */
  columns: number
  rows: LayoutCell[][]
}

/** A section heading (二, 三, 四) with its table. */
export interface SectionLayout {
  section: TableSection
  title: Label
  table: LayoutTable
}

/** The three tabular sections of a format, in print order. */
export interface FormatLayout {
  format: FormatId
  sections: SectionLayout[]
}
