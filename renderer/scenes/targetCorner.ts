/**
 * The corner of a render target that a frame smaller than the target fills, and how the
 * full-screen pass reads it back (see `SceneAntialiasing.render`).
 */
export interface TargetCorner {
  /** The drawn corner from the target's origin, in device pixels (at least 1 × 1). */
  readonly widthPx: number
  readonly heightPx: number
  /** Multiply the pass's 0–1 texture coordinates onto the drawn corner. */
  readonly uvScaleX: number
  readonly uvScaleY: number
  /**
   * The largest texture coordinates the pass may read: half a texel inside the corner, so the
   * bilinear read at its edge does not blend in the stale texels beyond it.
   */
  readonly uvMaxX: number
  readonly uvMaxY: number
}

/**
 * Where a `frameWidthPx` × `frameHeightPx` frame lies in a `targetWidthPx` × `targetHeightPx`
 * target at least as large: its lower-left corner.
 *
 * Why: a touched frame on a software rasteriser is drawn smaller (interactiveResolution.ts).
 * Resizing the antialiasing target to follow it at each touch and back once it settled made a
 * new framebuffer twice a touch; drawing into a corner of the target changes only a viewport.
 */
export function targetCorner(
  targetWidthPx: number,
  targetHeightPx: number,
  frameWidthPx: number,
  frameHeightPx: number,
): TargetCorner {
  const widthPx = Math.max(1, Math.min(targetWidthPx, Math.round(frameWidthPx)))
  const heightPx = Math.max(1, Math.min(targetHeightPx, Math.round(frameHeightPx)))
  return {
    widthPx,
    heightPx,
    uvScaleX: widthPx / targetWidthPx,
    uvScaleY: heightPx / targetHeightPx,
    uvMaxX: (widthPx - 0.5) / targetWidthPx,
    uvMaxY: (heightPx - 0.5) / targetHeightPx,
  }
}
