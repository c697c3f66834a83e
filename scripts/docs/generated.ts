import { renderDataDictionary } from './data-dictionary'
import { renderKeys } from './keys'
import { renderRuleTables } from './rules'

/**
 * The generated documentation: whole files, or a block between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->` in a hand-written file. `npm run docs` writes them;
 * tests/docs/generated-docs.test.ts fails when a committed file differs from what this yields.
 */
export const GENERATED: readonly { file: string; block?: string; render: () => string }[] = [
  { file: 'docs/keys.md', render: renderKeys },
  { file: 'docs/data-dictionary.md', render: renderDataDictionary },
  { file: 'docs/rules.md', block: 'rules', render: renderRuleTables },
]

/** `text` with the named block's content replaced; throws when the markers are missing. */
export function fillBlock(text: string, name: string, content: string, file: string): string {
  const open = `<!-- generated:${name} -->`
  const close = `<!-- /generated:${name} -->`
  const a = text.indexOf(open)
  const b = text.indexOf(close)
  if (a < 0 || b < a) throw new Error(`${file}: markers ${open} … ${close} not found`)
  return `${text.slice(0, a + open.length)}\n${content.trimEnd()}\n${text.slice(b)}`
}

/** What a generated file should contain, given its current text (needed for blocks). */
export function expectedText(entry: (typeof GENERATED)[number], current: string | null): string {
  const content = entry.render()
  if (!entry.block) return content.endsWith('\n') ? content : `${content}\n`
  if (current === null) throw new Error(`${entry.file} is missing; it holds the hand-written part around the generated block`)
  return fillBlock(current, entry.block, content, entry.file)
}
