/** Which of the stage's two ranges: the pale far one, or the deeper near one in front of it. */
export type RangeLayer = 'far' | 'near'

/**
 * The still landscape the ink ridge rests on when nothing sounds, one height per band in units of
 * the stage's hill scale (0 = the foot line). Composed "one corner" like Ma Yuan's and Xia Gui's
 * Hangzhou paintings (马一角): the range rises towards the right and dies into mist on the left,
 * where the instrument's introduction stands on empty paper. Music lifts the ridge above this.
 */
export function restingRangeHeights(bandCount: number, layer: RangeLayer): Float32Array {
  if (!Number.isInteger(bandCount) || bandCount < 1) {
    throw new RangeError(
      `restingRangeHeights: bandCount must be a positive integer, got ${bandCount}`,
    )
  }
  const heights = new Float32Array(bandCount)
  for (let band = 0; band < bandCount; band += 1) {
    const x = (band + 0.5) / bandCount
    heights[band] = layer === 'far' ? farRangeAt(x) : nearRangeAt(x)
  }
  return heights
}

/** The far range: a main peak near the right edge, a lower shoulder before it. */
function farRangeAt(x: number): number {
  return 0.06 + 0.62 * peak(x, 0.8, 0.16) + 0.3 * peak(x, 0.58, 0.12)
}

/** The near range: low rolling hills, cresting between the far range's peaks. */
function nearRangeAt(x: number): number {
  return 0.03 + 0.3 * peak(x, 0.68, 0.13) + 0.22 * peak(x, 0.95, 0.1) + 0.08 * peak(x, 0.4, 0.12)
}

/** A soft bell (0–1) centred on `centre`, `width` its spread. */
function peak(x: number, centre: number, width: number): number {
  return Math.exp(-(((x - centre) / width) ** 2))
}
