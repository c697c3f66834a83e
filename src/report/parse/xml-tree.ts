import { decodeXML } from 'entities'
import { type MarkupElement, type MarkupNode, NO_CHILDREN, TreeBuilder } from './markup-tree'

/**
 * Parse an XML part (a .docx `word/document.xml`, `_rels/.rels`) into the same minimal tree as
 * `parseMarkup(text, { xmlMode: true })`: elements with name, attributes and children, text as
 * strings (entities decoded, CDATA as text), comments, processing instructions and declarations
 * dropped.
 *
 * Why not htmlparser2 here: its tokenizer dispatches every character through a state function
 * and reports every attribute through callbacks, which was ~40 % of reading a .docx; Word's XML
 * is mostly attributes nobody reads (w:rsid…, w:w, fonts). This scanner jumps from tag to tag,
 * matches an end tag against the innermost open element without reading its name, shares one
 * string per tag name, and parses an element's attributes only when `attribs` is first read.
 *
 * Well-formed XML gives exactly htmlparser2's tree. Broken XML gets the same recovery rules
 * for the cases that matter: an end tag closes the innermost open element of that name and the
 * ones inside it (an end tag nothing matches is ignored); elements still open at the end are
 * closed; a `<` that cannot start a tag is text; a tag, comment or declaration cut off by the end
 * of the file is dropped (a declaration, processing instruction or CDATA section cut off so is
 * kept as text, like htmlparser2 does). Never throws, and
 * every character is looked at a bounded number of times (no backtracking).
 */
export function parseXml(xml: string): MarkupElement {
  const tree = new TreeBuilder()
  const names = new NameTable()
  let pos = 0
  const end = xml.length
  /** Past a declaration or processing instruction; one cut off by the end of the file is text. */
  const closeOrText = (at: number, tokenLength: number, bodyFrom: number): number => {
    if (at !== -1) return at + tokenLength
    tree.text(xml.slice(bodyFrom))
    return end
  }
  while (pos < end) {
    const lt = indexOfCode(xml, LT, pos)
    if (lt === -1) {
      tree.text(decodeXML(xml.slice(pos)))
      break
    }
    if (lt > pos) tree.text(decodeXML(xml.slice(pos, lt)))
    const next = xml.charCodeAt(lt + 1)

    if (next === BANG) {
      if (xml.startsWith('<!--', lt)) {
        pos = Math.min(after(xml, '-->', lt + 4), after(xml, '--!>', lt + 4))
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const close = xml.indexOf(']]>', lt + 9)
        tree.text(xml.slice(lt + 9, close === -1 ? end : close))
        pos = close === -1 ? end : close + 3
      } else {
        // htmlparser2 consumes the character after `<!` (and after `<!-`) before looking for `>`.
        pos = closeOrText(xml.indexOf('>', xml.charCodeAt(lt + 2) === DASH ? lt + 4 : lt + 3), 1, lt + 2)
      }
    } else if (next === QUESTION) {
      pos = closeOrText(xml.indexOf('?>', lt + 2), 2, lt + 2)
    } else if (next === SLASH) {
      let from = lt + 2
      while (from < end && isSpace(xml.charCodeAt(from))) from++
      const gt = indexOfCode(xml, GT, from)
      if (gt === -1) {
        if (from === end) tree.text(xml.slice(lt)) // a bare `</` at the end is text
        break
      }
      if (from === gt) tree.text(xml.slice(lt, gt + 1)) // `</>` and `</ >` stay text, as in htmlparser2
      const open = tree.innermostName()
      const stop = from + open.length
      if (open !== '' && stop <= gt && xml.startsWith(open, from) && isEndOfTagSection(xml.charCodeAt(stop))) {
        tree.closeElement() // the usual case: the end tag of the innermost element
      } else {
        const name = names.read(xml, from, gt)
        if (name !== '') tree.closeNamed(name)
      }
      pos = gt + 1
    } else if (lt + 1 < end && !isEndOfTagSection(next)) {
      const name = names.read(xml, lt + 1, end)
      const stop = names.end
      const tagEnd = scanTag(xml, stop)
      if (tagEnd === -1) break // cut off by the end of the file: dropped
      tree.openElement(new XmlElement(name, xml, stop))
      if (tagEnd % 2 === 1) tree.closeElement() // self-closing
      pos = Math.floor(tagEnd / 2) + 1
    } else {
      tree.text('<')
      pos = lt + 1
    }
  }
  return tree.finish()
}

/**
 * An element whose attributes are parsed from the source on first access, by the same scanner
 * that found the end of its start tag.
 */
class XmlElement implements MarkupElement {
  children: readonly MarkupNode[] = NO_CHILDREN
  private parsed: Record<string, string> | null = null

  constructor(
    readonly name: string,
    private readonly source: string,
    private readonly attribsFrom: number
  ) {}

  get attribs(): Record<string, string> {
    if (this.parsed === null) {
      this.parsed = {}
      scanTag(this.source, this.attribsFrom, this.parsed)
    }
    return this.parsed
  }
}

const LT = 0x3c
const BANG = 0x21
const DASH = 0x2d
const QUESTION = 0x3f
const SLASH = 0x2f
const GT = 0x3e
const EQUALS = 0x3d
const DOUBLE_QUOTE = 0x22
const SINGLE_QUOTE = 0x27

/** XML/HTML tokenizer whitespace: space, tab, LF, FF, CR. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d
}

function isEndOfTagSection(c: number): boolean {
  return c === SLASH || c === GT || isSpace(c)
}

/**
 * Index of the first `code` at or after `from`, or -1. A plain loop beats `indexOf` here: in
 * Word's XML the next `<` or `>` is a few characters away, so the builtin call dominated.
 */
function indexOfCode(xml: string, code: number, from: number): number {
  for (let i = from; i < xml.length; i++) if (xml.charCodeAt(i) === code) return i
  return -1
}

/**
 * Tag names of one document, each held once: a document has a few dozen distinct names in
 * thousands of tags, so reusing the string saves an allocation per tag, lets every Set/Map
 * lookup of the name reuse its cached hash, and makes end-tag matching a pointer comparison.
 */
class NameTable {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS)
  /** Where the name last {@link read} ends (its first whitespace, `/` or `>`, or the limit). */
  end = 0

  /** The tag name starting at `from` (up to `limit`), as the document's shared string. */
  read(xml: string, from: number, limit: number): string {
    let hash = 0
    let to = from
    for (; to < limit; to++) {
      const c = xml.charCodeAt(to)
      if (isEndOfTagSection(c)) break
      hash = (hash * 31 + c) | 0
    }
    this.end = to
    const slot = (hash + to - from) & (NAME_SLOTS - 1)
    const known = this.slots[slot]
    if (known !== undefined && known.length === to - from && xml.startsWith(known, from)) return known
    const name = xml.slice(from, to)
    this.slots[slot] = name
    return name
  }
}

/** Slots of a {@link NameTable} (a power of two); a collision only costs a fresh slice. */
const NAME_SLOTS = 256

/** Index just past `token` found from `from`, or the end of the text when it never comes. */
function after(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from)
  return at === -1 ? xml.length : at + token.length
}

/**
 * Scan the attributes of a start tag from just after its name to its closing `>`, following
 * htmlparser2's attribute states: `name`, `name=value`, `name="value"`, `name='value'`; a `>`
 * inside quotes does not end the tag; `/>` (spaces allowed before `>`) self-closes. With `into`,
 * attributes are stored there (first occurrence wins, values entity-decoded).
 * Returns (index of the closing `>`) × 2, plus 1 when the tag self-closes; -1 when the file
 * ends first. (One number rather than an object: this runs for every tag.)
 */
function scanTag(xml: string, from: number, into?: Record<string, string>): number {
  const end = xml.length
  let i = from
  let slash = false
  while (i < end) {
    const c = xml.charCodeAt(i)
    if (c === GT) return slash ? i * 2 + 1 : i * 2
    if (isSpace(c)) {
      i++
      continue
    }
    if (c === SLASH) {
      slash = true
      i++
      continue
    }
    slash = false
    // An attribute name runs to '=', whitespace, '/' or '>' (its first character may be '=').
    const nameStart = i++
    while (i < end) {
      const d = xml.charCodeAt(i)
      if (d === EQUALS || isEndOfTagSection(d)) break
      i++
    }
    const name = xml.slice(nameStart, i)
    while (i < end && isSpace(xml.charCodeAt(i))) i++
    let value = ''
    if (xml.charCodeAt(i) === EQUALS) {
      i++
      while (i < end && isSpace(xml.charCodeAt(i))) i++
      const q = xml.charCodeAt(i)
      if (q === DOUBLE_QUOTE || q === SINGLE_QUOTE) {
        const close = xml.indexOf(q === DOUBLE_QUOTE ? '"' : "'", i + 1)
        if (close === -1) return -1
        value = xml.slice(i + 1, close)
        i = close + 1
      } else {
        const valueStart = i
        while (i < end) {
          const d = xml.charCodeAt(i)
          if (d === GT || isSpace(d)) break
          i++
        }
        value = xml.slice(valueStart, i)
      }
    }
    if (into && !Object.prototype.hasOwnProperty.call(into, name)) into[name] = decodeXML(value)
  }
  return -1
}
