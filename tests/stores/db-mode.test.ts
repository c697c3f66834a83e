import { describe, expect, it } from 'vitest'
import { dbModeFromPage } from '~/stores/db'

describe('dbModeFromPage', () => {
  it('reads ?dbread=url|buffer and falls back to choosing by size', () => {
    expect(dbModeFromPage('?dbread=url')).toBe('url')
    expect(dbModeFromPage('?x=1&dbread=buffer')).toBe('buffer')
    expect(dbModeFromPage('?dbread=ftp')).toBe('auto')
    expect(dbModeFromPage('')).toBe('auto')
  })
})
