/**
 * The little Markdown a message body may hold — paragraphs, line breaks, lists, **bold** and *italic* — read into a
 * tree whose text leaves are ranges of the original string. Nothing here makes HTML: the tree is rendered as Vue
 * nodes, and the ranges let the message check's warnings (offsets into the same string) be highlighted exactly.
 * Anything else (headings, links, HTML) stays as the words it is.
 */

/** A run of the source text, `[start, end)`. */
export interface TextRun {
  kind: 'text'
  start: number
  end: number
}

export interface Emphasis {
  kind: 'strong' | 'em'
  children: Inline[]
}

export type Inline = TextRun | Emphasis

/** A paragraph holds lines (joined by line breaks); a list holds items, each of one or more lines. */
export type Block =
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'list'; ordered: boolean; items: Inline[][][] }

/** What a piece of text is highlighted for: the check's rules whose spans cover it. */
export interface Highlight {
  start: number
  end: number
  rule: string
}

export interface Piece {
  start: number
  end: number
  rules: string[]
}

const LIST_MARKER = /^[ \t]*(?:([-*+])|(\d{1,9})[.)])[ \t]+/

interface Line {
  start: number
  end: number
}

function lines(text: string): Line[] {
  const found: Line[] = []
  let start = 0
  while (start <= text.length) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    found.push({ start, end: end > start && text[end - 1] === '\r' ? end - 1 : end })
    if (newline === -1) {
      break
    }
    start = newline + 1
  }
  return found
}

/** The blocks of a body: groups of non-blank lines; a group whose first line starts with a list marker is a list. */
export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let group: Line[] = []
  const flush = (): void => {
    if (group.length > 0) {
      blocks.push(toBlock(text, group))
      group = []
    }
  }
  for (const line of lines(text)) {
    if (text.slice(line.start, line.end).trim() === '') {
      flush()
    } else {
      group.push(line)
    }
  }
  flush()
  return blocks
}

function toBlock(text: string, group: Line[]): Block {
  const first = group[0] as Line
  const firstMarker = LIST_MARKER.exec(text.slice(first.start, first.end))
  if (!firstMarker) {
    return { kind: 'paragraph', lines: group.map((line) => parseInline(text, line.start, line.end)) }
  }
  const items: Inline[][][] = []
  for (const line of group) {
    const marker = LIST_MARKER.exec(text.slice(line.start, line.end))
    if (marker || items.length === 0) {
      const start = line.start + (marker ? marker[0].length : 0)
      items.push([parseInline(text, start, line.end)])
    } else {
      const start = line.start + (/^[ \t]*/.exec(text.slice(line.start, line.end))?.[0].length ?? 0)
      items[items.length - 1]?.push(parseInline(text, start, line.end))
    }
  }
  return { kind: 'list', ordered: firstMarker[2] !== undefined, items }
}

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c)
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c)

/** `**bold**`, `*italic*` and `_italic_` within `[start, end)`; unmatched markers stay as text. */
export function parseInline(text: string, start: number, end: number): Inline[] {
  const nodes: Inline[] = []
  let runStart = start
  const pushRun = (upTo: number): void => {
    if (upTo > runStart) {
      nodes.push({ kind: 'text', start: runStart, end: upTo })
    }
  }
  let i = start
  while (i < end) {
    if (text.startsWith('**', i) && !isSpace(text[i + 2])) {
      const close = findClose(text, '**', i + 2, end)
      if (close !== -1) {
        pushRun(i)
        nodes.push({ kind: 'strong', children: parseInline(text, i + 2, close) })
        i = close + 2
        runStart = i
        continue
      }
    }
    const c = text[i]
    if ((c === '*' || (c === '_' && !isWordChar(text[i - 1]))) && text[i + 1] !== c && !isSpace(text[i + 1])) {
      const close = findClose(text, c, i + 1, end)
      if (close !== -1 && (c === '*' || !isWordChar(text[close + 1]))) {
        pushRun(i)
        nodes.push({ kind: 'em', children: parseInline(text, i + 1, close) })
        i = close + 1
        runStart = i
        continue
      }
    }
    i++
  }
  pushRun(end)
  return nodes
}

/** The next closing `marker` after `from` (not right after it, not after a space), or -1. */
function findClose(text: string, marker: string, from: number, end: number): number {
  let j = text.indexOf(marker, from + 1)
  while (j !== -1 && j + marker.length <= end) {
    const doubled = marker.length === 1 && (text[j + 1] === marker || text[j - 1] === marker)
    if (!isSpace(text[j - 1]) && !doubled) {
      return j
    }
    j = text.indexOf(marker, j + 1)
  }
  return -1
}

/**
 * `[start, end)` cut where highlights begin or end, each piece with the rules covering it (none for plain text).
 * Highlights may overlap.
 */
export function cut(start: number, end: number, highlights: readonly Highlight[]): Piece[] {
  const bounds = new Set<number>([start, end])
  for (const h of highlights) {
    if (h.start > start && h.start < end) {
      bounds.add(h.start)
    }
    if (h.end > start && h.end < end) {
      bounds.add(h.end)
    }
  }
  const points = [...bounds].sort((a, b) => a - b)
  const pieces: Piece[] = []
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k] as number
    const b = points[k + 1] as number
    const rules = [...new Set(highlights.filter((h) => h.start <= a && h.end >= b && h.end > h.start).map((h) => h.rule))]
    pieces.push({ start: a, end: b, rules })
  }
  return pieces
}
