/**
 * Arrows that point a hint's way ("盖上木版 →", "← drag left") belong to the word beside them. A
 * plain space between word and arrow is a line-break opportunity, so a hint wrapped on a narrow
 * screen could leave the arrow alone on the last line. A no-break space (U+00A0) holds the arrow
 * to its word while keeping the gap.
 */
const spaceBeforeArrow = /[ \t]+([←→↑↓])/gu
const spaceAfterArrow = /([←→↑↓])[ \t]+/gu

/** The text with every space next to an arrow made a no-break space. */
export function joinArrowsToWords(text: string): string {
  return text.replace(spaceBeforeArrow, '\u00a0$1').replace(spaceAfterArrow, '$1\u00a0')
}
