import { readFileSync } from 'node:fs'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { type MarkupNode, parseMarkup } from '~/report/parse/markup-tree'
import { parseXml } from '~/report/parse/xml-tree'

/** A tree as plain data (attributes read through the lazy getter), for deep comparison. */
function plain(node: MarkupNode): unknown {
  return typeof node === 'string' ? node : { name: node.name, attribs: { ...node.attribs }, children: node.children.map(plain) }
}

/** The tree htmlparser2 builds for the same XML — the reference parseXml must match. */
const reference = (xml: string) => plain(parseMarkup(xml, { xmlMode: true, decodeEntities: true }))

const docxXml = new TextDecoder().decode(
  unzipSync(new Uint8Array(readFileSync(new URL('../../fixtures/reports/docx-sample.docx', import.meta.url))))['word/document.xml']!
)

describe('parseXml (the .docx XML reader)', () => {
  it('builds the same tree as htmlparser2 for a real document.xml', () => {
    expect(plain(parseXml(docxXml))).toEqual(reference(docxXml))
  })

  it('decodes entities in text and attributes, keeps CDATA raw, drops comments, declarations and PIs', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE d><d a="x&amp;y" b=\'1\' c=2 e><!-- note --><t>a&lt;b&#65;&#x4e2d;&#0;&bogus;&amp</t><![CDATA[<raw>&amp;]]></d>'
    const tree = parseXml(xml)
    expect(plain(tree)).toEqual(reference(xml))
    expect(plain(tree)).toEqual({
      name: '',
      attribs: {},
      children: [{ name: 'd', attribs: { a: 'x&y', b: '1', c: '2', e: '' }, children: [{ name: 't', attribs: {}, children: ['a<bA中\ufffd&bogus;&amp'] }, '<raw>&amp;'] }],
    })
  })

  it('reads self-closing tags, ">" inside quoted values, first duplicate attribute, and "=" starting a name', () => {
    for (const xml of ['<a><b/><c / ><d x="1>2" x="3"/><e =/>t</a>', '<w:p w:rsidR="00A1"><w:r><w:tab/><w:t xml:space="preserve"> x </w:t></w:r></w:p>']) {
      expect(plain(parseXml(xml))).toEqual(reference(xml))
    }
  })

  it('recovers from broken nesting like htmlparser2: an end tag closes inner elements, unmatched ones are ignored', () => {
    for (const xml of ['<a><b><c>x</a>y', '<a>x</b>y</a>z', '<a>1</>2</ >3', '<a>< b>&lt</a>', 'a<b<c>d</b<c>']) {
      expect(plain(parseXml(xml))).toEqual(reference(xml))
    }
  })

  it('closes elements left open at the end and keeps cut-off declarations, PIs and CDATA as text', () => {
    for (const xml of ['<a><b>text', '<a>x<!--cut', '<a>x<![CDATA[cut', '<a>x<?pi cut', '<a>x<!decl', 'x</', 'x<!>', '<a>x<b y="cut']) {
      expect(plain(parseXml(xml))).toEqual(reference(xml))
    }
  })

  it('parses attributes only when they are read', () => {
    const tree = parseXml('<a x="1"><b y="&lt;2"/></a>')
    const a = tree.children[0]
    if (typeof a !== 'object') throw new Error('expected an element')
    const b = a.children[0]
    if (typeof b !== 'object') throw new Error('expected an element')
    expect(b.attribs).toEqual({ y: '<2' })
    expect(b.attribs).toBe(b.attribs) // parsed once, then kept
    expect(a.attribs['x']).toBe('1')
  })
})
