import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { E2E_DIST, startE2E, type E2E } from './harness'

/**
 * The browser tests run on data they built from data/ in this run, not on public/data (which an
 * earlier `npm start` or a broken build may have left in any state): the site is built with
 * `<E2E_DIST>.public` as its public folder.
 */
describe('the e2e site serves the data built for it', () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E()
  })
  afterAll(async () => {
    await e2e?.close()
  })

  it('index.json is the one built into the e2e public folder, listing every district of data/', async () => {
    const served = await (await fetch(`${e2e.url}data/index.json`)).text()
    const built = join(`${E2E_DIST}.public`, 'data', 'index.json')
    expect(existsSync(built), `${built} missing: the e2e data was not built`).toBe(true)
    expect(served).toBe(readFileSync(built, 'utf8'))
    const districts = readdirSync(join(process.cwd(), 'data', 'districts')).filter((d) => existsSync(join(process.cwd(), 'data', 'districts', d, 'district.json')))
    const index = JSON.parse(served) as { districts: { id: string }[] }
    expect(index.districts.map((d) => d.id).sort()).toEqual(districts.sort())
  })
})
