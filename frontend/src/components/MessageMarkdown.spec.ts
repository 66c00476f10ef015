import { describe, expect, it } from 'vitest'
import { cut, parseBlocks, parseInline, type Inline } from './MessageMarkdown'

/** The tree with its text runs replaced by the words they cover, to read the structure at a glance. */
function words(text: string, nodes: readonly Inline[]): unknown[] {
  return nodes.map((n) => (n.kind === 'text' ? text.slice(n.start, n.end) : { [n.kind]: words(text, n.children) }))
}

describe('The little Markdown of message bodies', () => {
  it('reads paragraphs split by blank lines, and line breaks inside them', () => {
    const text = 'First line\nsecond line\n\n\r\nNew paragraph\r\n'
    const blocks = parseBlocks(text)
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph'])
    const first = blocks[0]
    expect(first?.kind === 'paragraph' && first.lines.map((l) => words(text, l))).toEqual([['First line'], ['second line']])
    const second = blocks[1]
    expect(second?.kind === 'paragraph' && second.lines.map((l) => words(text, l))).toEqual([['New paragraph']])
  })

  it('reads bulleted and numbered lists, a line without a marker continuing the item', () => {
    const text = '- one\n* two\n  still two\n\n1. first\n2) second'
    const [bullets, numbers] = parseBlocks(text)
    expect(bullets?.kind === 'list' && !bullets.ordered && bullets.items.map((item) => item.map((l) => words(text, l)))).toEqual([
      [['one']],
      [['two'], ['still two']],
    ])
    expect(numbers?.kind === 'list' && numbers.ordered && numbers.items.map((item) => item.map((l) => words(text, l)))).toEqual([
      [['first']],
      [['second']],
    ])
  })

  it('reads bold and italic, nested, and leaves unmatched or spaced markers as text', () => {
    const inline = (text: string) => words(text, parseInline(text, 0, text.length))
    expect(inline('a **bold** and *it* or _it_')).toEqual(['a ', { strong: ['bold'] }, ' and ', { em: ['it'] }, ' or ', { em: ['it'] }])
    expect(inline('**bold *and it* too**')).toEqual([{ strong: ['bold ', { em: ['and it'] }, ' too'] }])
    expect(inline('2 * 3 * 4')).toEqual(['2 * 3 * 4'])
    expect(inline('**not closed')).toEqual(['**not closed'])
    expect(inline('snake_case_name')).toEqual(['snake_case_name'])
    expect(inline('<b>html</b>')).toEqual(['<b>html</b>'])
  })

  it('keeps the offsets of the original text, so warnings can be marked exactly', () => {
    const text = 'It was **probably** here'
    const nodes = parseInline(text, 0, text.length)
    const strong = nodes[1]
    expect(strong?.kind === 'strong' && strong.children[0]).toEqual({ kind: 'text', start: 9, end: 17 })
    expect(text.slice(9, 17)).toBe('probably')
  })

  it('cuts text where highlights start and end, overlaps carrying every rule', () => {
    expect(cut(0, 20, [
      { start: 5, end: 10, rule: 'a' },
      { start: 8, end: 25, rule: 'b' },
    ])).toEqual([
      { start: 0, end: 5, rules: [] },
      { start: 5, end: 8, rules: ['a'] },
      { start: 8, end: 10, rules: ['a', 'b'] },
      { start: 10, end: 20, rules: ['b'] },
    ])
    expect(cut(3, 6, [{ start: 10, end: 12, rule: 'a' }])).toEqual([{ start: 3, end: 6, rules: [] }])
  })
})
