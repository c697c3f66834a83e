import { Parser, type ParserOptions } from 'htmlparser2'

/** An element of a {@link parseMarkup} tree. Text children are plain strings. */
export interface MarkupElement {
  readonly name: string
  readonly attribs: Record<string, string>
  /** Child nodes in document order; elements without children share one frozen empty array. */
  children: readonly MarkupNode[]
}

/** A node of a {@link parseMarkup} tree: an element or a run of text. */
export type MarkupNode = MarkupElement | string

/**
 * The children of every childless element. Typed readonly so nothing can add to it; not
 * Object.freeze'd, because frozen arrays are a different elements kind in V8 and made every
 * `for…of` over children allocate an iterator.
 */
export const NO_CHILDREN: readonly MarkupNode[] = []

/**
 * Deepest element nesting a tree keeps. Every walker over these trees (html.ts, docx.ts,
 * {@link textContent}) recurses once or twice per level, so an unbounded depth (100,000 nested
 * `<div>` or `<w:tbl>`) would overflow the call stack. Real reports nest a few dozen levels. An
 * element opened deeper is kept as a childless element at this depth and its text and
 * descendants continue in the deepest open element: nothing is lost from the text flow, only the
 * structure below the limit is flattened, and no walk goes deeper than this.
 */
export const MAX_TREE_DEPTH = 1000

/** Unclosed elements after which {@link parseMarkup} stops reading a page (see there). */
export const MAX_PARSE_DEPTH = 20_000

/**
 * Builds a {@link MarkupElement} tree from open/text/close events.
 *
 * Children of the open elements are collected on one shared stack and copied into an array of
 * exactly their number when the element closes, so a childless element allocates no array and
 * others no spare capacity (an array grown by push reserves 16+ slots; a .docx has thousands of
 * one- and two-child elements). Adjacent text is joined into one string.
 */
export class TreeBuilder {
  private readonly open: MarkupElement[] = []
  /**
   * Names of elements opened below {@link MAX_TREE_DEPTH}: they are added as childless elements
   * where the depth stopped, and their content goes on in the deepest open element (see there).
   */
  private readonly flattened: string[] = []
  /** How many elements were opened below the depth limit (0 for every real report). */
  flattenedCount = 0
  /** Index in `pending` where each open element's children start (parallel to `open`). */
  private readonly starts: number[] = []
  private readonly pending: MarkupNode[] = []
  private top = 0
  readonly root: MarkupElement = { name: '', attribs: {}, children: NO_CHILDREN }

  /** Adds `element` as the last child of the innermost open element, and opens it. */
  openElement(element: MarkupElement): void {
    if (this.open.length >= MAX_TREE_DEPTH) {
      this.pending[this.top++] = element
      this.flattened.push(element.name)
      this.flattenedCount++
      return
    }
    this.pending[this.top++] = element
    this.open.push(element)
    this.starts.push(this.top)
  }

  /** Adds text to the innermost open element, joined to a text run just before it. */
  text(data: string): void {
    if (data === '') return
    const start = this.starts.length > 0 ? this.starts[this.starts.length - 1]! : 0
    const last = this.top - 1
    if (last >= start && typeof this.pending[last] === 'string') this.pending[last] += data
    else this.pending[this.top++] = data
  }

  /** Closes the innermost open element (no-op when only the root is open). */
  closeElement(): void {
    if (this.flattened.length > 0) {
      this.flattened.pop()
      return
    }
    const element = this.open.pop()
    const start = this.starts.pop()
    if (element === undefined || start === undefined) return
    element.children = this.top > start ? this.pending.slice(start, this.top) : NO_CHILDREN
    this.top = start
  }

  /** Open elements, including those opened below the depth limit. */
  depth(): number {
    return this.open.length + this.flattened.length
  }

  /** Name of the innermost open element ('' when only the root is open). */
  innermostName(): string {
    if (this.flattened.length > 0) return this.flattened[this.flattened.length - 1]!
    return this.open.length > 0 ? this.open[this.open.length - 1]!.name : ''
  }

  /**
   * Closes the innermost open element named `name` and every element opened inside it (an XML
   * end tag); no-op when no open element has that name.
   */
  closeNamed(name: string): void {
    const flat = this.flattened.lastIndexOf(name)
    if (flat !== -1) {
      this.flattened.length = flat
      return
    }
    let index = this.open.length - 1
    while (index >= 0 && this.open[index]!.name !== name) index--
    if (index === -1) return
    while (this.open.length > index) this.closeElement()
  }

  /** Closes every open element and returns the root. */
  finish(): MarkupElement {
    this.flattened.length = 0
    while (this.open.length > 0) this.closeElement()
    this.root.children = this.top > 0 ? this.pending.slice(0, this.top) : NO_CHILDREN
    return this.root
  }
}

/**
 * Parse HTML or XML into a minimal tree: elements with name, attributes and children, text as
 * strings; comments, processing instructions and doctypes dropped.
 *
 * Why not htmlparser2's `parseDocument`: its domhandler nodes carry parent/sibling links and
 * source positions the front-ends never use, and building them cost more than tokenising the
 * page (about 60 % of the parse). The tree shape is the same because it comes from the same
 * parser events — implied closes (`<td>` closing an open `<td>`, void elements, `</p>` without
 * `<p>`) are resolved by htmlparser2's Parser before they reach these callbacks. Adjacent text
 * events (text split around an entity or a dropped comment) are joined into one string; the
 * readers treat text runs as a character stream, so where a run is split never matters.
 */
export function parseMarkup(text: string, options: ParserOptions): MarkupElement {
  const tree = new TreeBuilder()
  let stopped = false
  const parser = new Parser(
    {
      onopentag: (name, attribs) => {
        tree.openElement({ name, attribs, children: NO_CHILDREN })
        // htmlparser2 keeps its open elements with Array#unshift: quadratic in the depth. Past
        // MAX_PARSE_DEPTH unclosed elements the rest of the page is not read (never in a report).
        if (tree.depth() > MAX_PARSE_DEPTH && !stopped) {
          stopped = true
          parser.pause()
        }
      },
      ontext: (data) => tree.text(data),
      onclosetag: () => tree.closeElement(),
    },
    options
  )
  parser.write(text)
  if (!stopped) parser.end()
  return tree.finish()
}

/** All text below a node, in document order (domutils' `textContent` for this tree). */
export function textContent(node: MarkupNode): string {
  if (typeof node === 'string') return node
  if (node.children.length === 1) return textContent(node.children[0]!)
  let out = ''
  for (const child of node.children) out += textContent(child)
  return out
}
