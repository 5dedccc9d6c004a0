/**
 * The keepsake card's paper (docs/operators.md "Keepsake printer"): an A6 postcard by default,
 * A5 as a setting. Sizes are portrait, in millimetres, as ISO 216 gives them.
 */
export const keepsakePapers = ['a6', 'a5'] as const
export type KeepsakePaper = (typeof keepsakePapers)[number]

/** Width and height of each paper, portrait, in millimetres. */
export const keepsakePaperSizesMm: Readonly<
  Record<KeepsakePaper, { readonly widthMm: number; readonly heightMm: number }>
> = {
  a6: { widthMm: 105, heightMm: 148 },
  a5: { widthMm: 148, heightMm: 210 },
}

/** Millimetres per inch, for dots-per-inch arithmetic. */
export const millimetresPerInch = 25.4
