import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { keepFirstScreenPrebuilt } from '../../scripts/build/prebuilt-precache'
import { removeTemps, tempDir } from './helpers'

afterAll(removeTemps)

describe('service-worker precache of prebuilt results', () => {
  const entries = ['index.html', 'data/prebuilt/a/overview.json', 'data/prebuilt/a/overview.more.json', 'data/prebuilt/b/overview.json', 'data/summary/b.json'].map((url) => ({ url, revision: '1' }))
  it('keeps the prebuilt files of the district the dashboard opens on (index.json\'s first) and every other file', () => {
    const site = tempDir()
    mkdirSync(join(site, 'data'))
    writeFileSync(join(site, 'data', 'index.json'), JSON.stringify({ districts: [{ id: 'a', prebuilt: { dir: 'prebuilt/a' } }, { id: 'b', prebuilt: { dir: 'prebuilt/b' } }] }))
    expect(keepFirstScreenPrebuilt(() => site)(entries).manifest.map((e) => e.url)).toEqual([
      'index.html', 'data/prebuilt/a/overview.json', 'data/prebuilt/a/overview.more.json', 'data/summary/b.json',
    ])
  })
  it('a site without index.json precaches no prebuilt file', () => {
    expect(keepFirstScreenPrebuilt(() => tempDir())(entries).manifest.map((e) => e.url)).toEqual(['index.html', 'data/summary/b.json'])
  })
})
