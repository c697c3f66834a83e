import type { SectionKey } from '../model/types'
import type { Block, StructuredDoc } from './doc'
import { SECTION_ORDER, headingOf } from './headings'

/** A document cut at its section headings. */
export interface SplitDoc {
  /** Blocks before the first heading: title and preamble. */
  preamble: Block[]
  /** Blocks under each heading found (heading excluded). */
  sections: Partial<Record<SectionKey, Block[]>>
  /** Headings found, in order. */
  found: SectionKey[]
  /** Block index of each accepted heading (used to locate sections whose heading is missing). */
  headingAt: Partial<Record<SectionKey, number>>
}

/**
 * Cuts a document at its section headings. Sections must come in print order: a heading is
 * accepted only when its section comes after the last accepted one, so a body sentence or a
 * repeated title never reopens an earlier section (docs/formats.md, “Six sections”).
 */
export function splitSections(doc: StructuredDoc): SplitDoc {
  const preamble: Block[] = []
  const sections: Partial<Record<SectionKey, Block[]>> = {}
  const found: SectionKey[] = []
  const headingAt: Partial<Record<SectionKey, number>> = {}
  let current: Block[] = preamble
  let lastIndex = -1
  const onlyEmptySince = (key: SectionKey): boolean => {
    const from = found.indexOf(key)
    return from >= 0 && found.slice(from).every((k) => (sections[k]?.length ?? 0) === 0)
  }
  for (let at = 0; at < doc.blocks.length; at++) {
    const block = doc.blocks[at]!
    if (block.kind === 'para') {
      const key = headingOf(block.text)
      if (key) {
        const index = SECTION_ORDER.indexOf(key)
        if (index <= lastIndex && onlyEmptySince(key)) {
          // The headings seen so far had no content: a table of contents. Start over at this one.
          for (const k of found.splice(found.indexOf(key))) {
            delete sections[k]
            delete headingAt[k]
          }
          lastIndex = index - 1
        }
        if (index > lastIndex) {
          lastIndex = index
          found.push(key)
          headingAt[key] = at
          current = sections[key] = []
          continue
        }
      }
    }
    current.push(block)
  }
  return { preamble, sections, found, headingAt }
}
