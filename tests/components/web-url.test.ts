import { describe, expect, it } from 'vitest'
import { webUrl } from '~/components/common/web-url'

describe('webUrl', () => {
  it('keeps http and https addresses, in any case', () => {
    expect(webUrl('https://www.gov.cn/a.html')).toBe('https://www.gov.cn/a.html')
    expect(webUrl('HTTP://example.org/')).toBe('HTTP://example.org/')
  })

  it('refuses script, data and relative values and nothing at all', () => {
    for (const u of ['javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', '//evil.example/', 'www.gov.cn', '', null, undefined]) expect(webUrl(u)).toBeNull()
  })
})
