import { describe, expect, it } from 'vitest'
import { baseName, extOf, splitExt } from '~/util/file-name'

describe('file-name', () => {
  it('takes the last path segment', () => {
    expect(baseName('reports/2021/白奎镇-2021.docx')).toBe('白奎镇-2021.docx')
    expect(baseName('plain.txt')).toBe('plain.txt')
    expect(baseName('dir/')).toBe('')
  })
  it('splits before the last dot, keeping the dot with the extension', () => {
    expect(splitExt('a.b.docx')).toEqual({ stem: 'a.b', ext: '.docx' })
    expect(splitExt('README')).toEqual({ stem: 'README', ext: '' })
  })
  it('never takes a hidden file name for an extension', () => {
    expect(splitExt('.env')).toEqual({ stem: '.env', ext: '' })
    expect(extOf('dir/.hidden')).toBe('')
  })
  it('reads the extension of the file, not of a folder', () => {
    expect(extOf('reports/2021.v2/report')).toBe('')
    expect(extOf('reports/2021/x.PDF')).toBe('PDF')
  })
})
