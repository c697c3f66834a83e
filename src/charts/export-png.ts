import { createChart, type ChartOption } from './echarts'
import type { LegendEntry } from './export-legend'
import { FONT_FAMILY } from './theme'

/**
 * A chart saved as PNG for a slide deck carries its own context, because on a slide nothing else
 * says what it shows: the title, the scope (district, years, unit filters, the cross-filter), the
 * full legend, where the data comes from and when the image was made, and — on generated demo
 * data — a mark saying so. exportLines() words it (pure, tested in Node); composeChartPng() draws
 * it around the chart's own image (browser canvas, tested in Chromium).
 */

/** The view state the chart was drawn under. */
export interface ExportScope {
  districtName: string
  synthetic: boolean
  year: number | null
  yearRange: [number, number] | null
  /** Unit kinds chosen in the header, already as labels (empty: all kinds). */
  kinds: readonly string[]
  /** Units chosen in the view (empty: all units). */
  units: readonly string[]
  /** The cross-filter set by clicking a chart. */
  crossUnit: string | null
  crossYear: number | null
}

/** The texts drawn around the chart. */
export interface ExportLines {
  title: string
  scope: string
  source: string
  link: string
  generated: string
  /** The synthetic-data mark, or null for published data. */
  synthetic: string | null
}

/** vue-i18n's `t` (or any function with its shape). */
export type Translate = (key: string, values?: Record<string, unknown>) => string

/** The export's texts, in the current language, from the scope the chart was drawn under. */
export function exportLines(title: string, scope: ExportScope, t: Translate, when: Date, page: string, locale: 'zh' | 'en'): ExportLines {
  const sep = t('a11y.sep')
  const parts = [scope.districtName]
  if (scope.year !== null) parts.push(t('a11y.png.year', { year: scope.year }))
  if (scope.yearRange && scope.yearRange[0] !== scope.yearRange[1]) parts.push(t('a11y.png.range', { from: scope.yearRange[0], to: scope.yearRange[1] }))
  parts.push(scope.kinds.length ? t('a11y.png.kinds', { kinds: scope.kinds.join(sep) }) : t('a11y.png.allKinds'))
  if (scope.units.length) parts.push(t('a11y.png.units', { units: scope.units.join(sep) }))
  if (scope.crossUnit) parts.push(t('a11y.png.crossUnit', { unit: scope.crossUnit }))
  if (scope.crossYear !== null) parts.push(t('a11y.png.crossYear', { year: scope.crossYear }))
  const time = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long', timeStyle: 'short' }).format(when)
  return {
    title,
    scope: t('a11y.png.scope', { scope: parts.join(' · ') }),
    source: t('a11y.png.source', { district: scope.districtName, app: t('common.appTitle') }),
    link: t('a11y.png.link', { url: page }),
    generated: t('a11y.png.generated', { time }),
    synthetic: scope.synthetic ? t('common.synthetic') : null,
  }
}

/**
 * The chart drawn again off screen at `width`×`height` without its legend (the export draws the
 * full legend itself, where the screen may show a scrolled one), as a PNG data URL.
 */
export function chartImage(option: ChartOption, width: number, height: number, pixelRatio: number): Promise<string> {
  const box = document.createElement('div')
  // Off screen but laid out: ECharts needs a real size to draw into.
  box.style.cssText = `position:fixed;left:-${width + 100}px;top:0;width:${width}px;height:${height}px;`
  box.setAttribute('aria-hidden', 'true')
  document.body.appendChild(box)
  const chart = createChart(box)
  const legend = (option as Record<string, unknown>).legend
  const hidden = Array.isArray(legend) ? legend.map((l: Record<string, unknown>) => ({ ...l, show: false })) : legend ? { ...(legend as object), show: false } : undefined
  return new Promise<string>((resolve, reject) => {
    chart.on('finished', () => {
      try {
        resolve(chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: '#fff' }))
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)))
      } finally {
        chart.dispose()
        box.remove()
      }
    })
    chart.setOption({ ...option, animation: false, ...(hidden ? { legend: hidden } : {}) }, { notMerge: true })
  })
}

const PAD = 24
const GAP = 10
const TITLE_FONT = `600 20px ${FONT_FAMILY}`
const TEXT_FONT = `13px ${FONT_FAMILY}`
const SMALL_FONT = `12px ${FONT_FAMILY}`
const LEGEND_FONT = `12px ${FONT_FAMILY}`
const SWATCH = 12

/**
 * Break `text` into lines no wider than `max` (measured with the context's current font). Chinese
 * has no spaces, so lines break between any two characters, preferring a space when there is one.
 */
export function wrapText(measure: (s: string) => number, text: string, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of text) {
    if (measure(line + ch) <= max || line === '') {
      line += ch
      continue
    }
    const space = line.lastIndexOf(' ')
    if (ch !== ' ' && space > 0 && space > line.length - 20) {
      lines.push(line.slice(0, space))
      line = line.slice(space + 1) + ch
    } else {
      lines.push(line)
      line = ch === ' ' ? '' : ch
    }
  }
  if (line) lines.push(line)
  return lines
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('the chart image could not be read'))
    img.src = url
  })
}

/**
 * The saved image: synthetic mark (when it applies), title, scope, the chart, its full legend,
 * source, link and time — drawn in two passes (measure, then draw) on one canvas.
 */
export async function composeChartPng(input: { chartUrl: string; width: number; height: number; lines: ExportLines; legend: readonly LegendEntry[]; pixelRatio: number }): Promise<Blob> {
  const { lines, legend, pixelRatio } = input
  const img = await loadImage(input.chartUrl)
  const width = Math.max(input.width, 560) + 2 * PAD
  const inner = width - 2 * PAD
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2D canvas in this browser')

  /** Lay the image out; draws only when `paint` is true. Returns the height used. */
  const pass = (paint: boolean): number => {
    let y = PAD
    const text = (s: string, font: string, color: string, lineHeight: number) => {
      ctx.font = font
      for (const line of wrapText((x) => ctx.measureText(x).width, s, inner)) {
        if (paint) {
          ctx.fillStyle = color
          ctx.fillText(line, PAD, y)
        }
        y += lineHeight
      }
    }
    ctx.textBaseline = 'top'
    if (lines.synthetic) {
      ctx.font = `600 ${TEXT_FONT}`
      const rows = wrapText((x) => ctx.measureText(x).width, lines.synthetic, inner - 16)
      const h = rows.length * 18 + 12
      if (paint) {
        ctx.fillStyle = '#fdecea'
        ctx.fillRect(PAD, y, inner, h)
        ctx.strokeStyle = '#b3261e'
        ctx.lineWidth = 1
        ctx.strokeRect(PAD + 0.5, y + 0.5, inner - 1, h - 1)
        ctx.fillStyle = '#8c1d18'
        rows.forEach((r, i) => ctx.fillText(r, PAD + 8, y + 6 + i * 18))
      }
      y += h + GAP
    }
    text(lines.title, TITLE_FONT, '#1f2d3d', 28)
    text(lines.scope, TEXT_FONT, '#303133', 20)
    y += GAP
    if (paint) ctx.drawImage(img, PAD + (inner - input.width) / 2, y, input.width, input.height)
    y += input.height + GAP
    // Legend: swatch + name, flowing left to right and wrapping.
    ctx.font = LEGEND_FONT
    let x = PAD
    for (const entry of legend) {
      const w = SWATCH + 6 + Math.min(ctx.measureText(entry.name).width, inner - SWATCH - 6) + 18
      if (x > PAD && x + w > PAD + inner) {
        x = PAD
        y += 20
      }
      if (paint) {
        ctx.fillStyle = entry.color
        ctx.fillRect(x, y + 1, SWATCH, SWATCH)
        ctx.fillStyle = '#303133'
        ctx.fillText(entry.name, x + SWATCH + 6, y, inner - SWATCH - 6)
      }
      x += w
    }
    if (legend.length) y += 20 + GAP
    text(lines.source, SMALL_FONT, '#4e5257', 18)
    text(lines.link, SMALL_FONT, '#4e5257', 18)
    text(lines.generated, SMALL_FONT, '#4e5257', 18)
    return y + PAD - 4
  }

  const height = pass(false)
  canvas.width = Math.round(width * pixelRatio)
  canvas.height = Math.round(height * pixelRatio)
  ctx.scale(pixelRatio, pixelRatio)
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, width, height)
  pass(true)
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be encoded'))), 'image/png'))
}
