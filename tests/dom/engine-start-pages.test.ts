import { describe, expect, it } from 'vitest'
import { PREBUILT_VIEWS } from '~/db/prebuilt'
import { engineStart, PAGES } from '~/router'

describe('engineStart: when the shell starts the engine on a page', () => {
  it('never on a page drawn from prebuilt files alone (the province view)', () => {
    expect(engineStart('province')).toBe('never')
    expect(PAGES.filter((p) => engineStart(p.name) === 'never').map((p) => p.name)).toEqual(['province'])
  })
  it('after the first chart on every view with prebuilt first screens', () => {
    for (const view of PREBUILT_VIEWS) expect(engineStart(view), view).toBe('after-first-paint')
  })
  it('at once on a page that waits for the engine, and on a name no page has', () => {
    for (const name of ['data', 'check', 'my-reports', 'card', 'briefing', 'no-such-page']) expect(engineStart(name), name).toBe('now')
  })
})
