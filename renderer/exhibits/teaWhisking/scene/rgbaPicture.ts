/** A picture as RGBA bytes, rows bottom-up (the order WebGL takes them in without flipping). */
export interface RgbaPicture {
  readonly widthPx: number
  readonly heightPx: number
  readonly bytes: Uint8Array
}
