// subset-font ships no types: the one call this project makes (scripts/vite/firstScreenFontPreloads.ts).
declare module 'subset-font' {
  /** A font (SFNT, WOFF or WOFF2) cut down to the glyphs of `text`, in `targetFormat`. */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype' },
  ): Promise<Buffer>
}
