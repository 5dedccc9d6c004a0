/** A term and its reading, as a pack's glossary gives them (e.g. 点茶 → diǎnchá). */
export interface TermReading {
  readonly term: string
  readonly pinyin: string
}

/** A run of text, with the reading to show over it when it is a glossary term. */
export interface AnnotatedSegment {
  readonly text: string
  readonly reading?: string
}

/**
 * Splits `text` into plain runs and glossary terms, so the reading aid can put pinyin over the
 * terms (`<ruby>`). The longest term wins where terms overlap (雕版印刷 before 雕版), and text
 * with no term comes back as one plain segment.
 */
export function annotateGlossary(
  text: string,
  glossary: readonly TermReading[],
): AnnotatedSegment[] {
  const terms = glossary
    .filter((entry) => entry.term.length > 0)
    .sort((a, b) => b.term.length - a.term.length)
  if (terms.length === 0 || text.length === 0) return text.length === 0 ? [] : [{ text }]
  const segments: AnnotatedSegment[] = []
  let plainStart = 0
  let index = 0
  while (index < text.length) {
    const match = terms.find((entry) => text.startsWith(entry.term, index))
    if (!match) {
      index++
      continue
    }
    if (index > plainStart) segments.push({ text: text.slice(plainStart, index) })
    segments.push({ text: match.term, reading: match.pinyin })
    index += match.term.length
    plainStart = index
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart) })
  return segments
}
