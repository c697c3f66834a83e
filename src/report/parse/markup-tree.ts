import { Parser, type ParserOptions } from 'htmlparser2'

/** An element of a {@link parseMarkup} tree. Text children are plain strings. */
export interface MarkupElement {
  name: string
  attribs: Record<string, string>
  children: MarkupNode[]
}

/** A node of a {@link parseMarkup} tree: an element or a run of text. */
export type MarkupNode = MarkupElement | string

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
  const root: MarkupElement = { name: '', attribs: {}, children: [] }
  const stack: MarkupElement[] = [root]
  let current = root
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element: MarkupElement = { name, attribs, children: [] }
        current.children.push(element)
        stack.push(element)
        current = element
      },
      ontext(data) {
        const siblings = current.children
        const last = siblings.length - 1
        if (last >= 0 && typeof siblings[last] === 'string') siblings[last] += data
        else siblings.push(data)
      },
      onclosetag() {
        // The parser only closes elements it opened, so the root is never popped.
        if (stack.length > 1) stack.pop()
        current = stack[stack.length - 1]!
      },
    },
    options
  )
  parser.end(text)
  return root
}

/** All text below a node, in document order (domutils' `textContent` for this tree). */
export function textContent(node: MarkupNode): string {
  if (typeof node === 'string') return node
  if (node.children.length === 1) return textContent(node.children[0]!)
  let out = ''
  for (const child of node.children) out += textContent(child)
  return out
}
